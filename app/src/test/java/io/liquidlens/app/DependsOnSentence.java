package io.liquidlens.app;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Depends on ..." sentence of a package-info: it starts at "Depends on", "Depends only on" or
 * "May depend on" and ends at the first full stop or semicolon outside a {@code {@code ...}} tag (package names
 * have dots of their own). The packages it names are the {@code {@code ...}} tags that spell a known package,
 * with or without the {@code io.liquidlens.} prefix; other tags (a class, an outside library) are prose.
 */
final class DependsOnSentence {
    private static final Pattern START = Pattern.compile("(Depends (only )?on|May depend on)");
    private static final Pattern CODE_TAG = Pattern.compile("\\{@code ([^}]*)}");

    private DependsOnSentence() {
    }

    /** The sentence, or null when the text has none; comment line breaks (and their stars) read as one space. */
    static String find(String javadoc) {
        String packageInfo = javadoc.replaceAll("\\s*\\R\\s*\\*(?!/)\\s*", " ");
        Matcher start = START.matcher(packageInfo);
        if (!start.find()) {
            return null;
        }
        int depth = 0;
        for (int i = start.start(); i < packageInfo.length(); i++) {
            char ch = packageInfo.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
            } else if (depth == 0 && (ch == '.' || ch == ';')) {
                return packageInfo.substring(start.start(), i);
            }
        }
        return packageInfo.substring(start.start());
    }

    static Set<String> packagesNamed(String sentence, Set<String> knownPackages) {
        Set<String> named = new TreeSet<>();
        Matcher tag = CODE_TAG.matcher(sentence);
        while (tag.find()) {
            String name = tag.group(1).trim().replaceFirst("^io\\.liquidlens\\.", "");
            if (knownPackages.contains(name)) {
                named.add(name);
            }
        }
        return named;
    }
}
