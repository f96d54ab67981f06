package io.liquidlens.io;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input names that are URIs ({@code hdfs://namenode/runs/e1}, {@code s3a://bucket/clean/}, {@code file:///data/x})
 * rather than paths, told apart before anything is read: a URI goes to a file system the command cannot read itself.
 * A scheme is two letters or more, so {@code C:/data} stays a path; a local folder whose name ends in a colon is
 * written {@code ./name:/...}.
 */
public final class FileUris {
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/.*", Pattern.DOTALL);
    /** {@code file:} with no authority, an empty one or {@code localhost}, then the absolute path. */
    private static final Pattern FILE = Pattern.compile("file:(?://(?:localhost)?)?(/.*)", Pattern.DOTALL);

    private FileUris() {
    }

    /** Whether {@code name} is a URI with a scheme, not a local path. */
    public static boolean isUri(String name) {
        return URI.matcher(name).matches();
    }

    /**
     * The local path a {@code file:} URI names, as Hadoop's local file system reads it (the path taken as written,
     * not percent-decoded), or null for any other name.
     */
    public static Path localPath(String name) {
        Matcher m = FILE.matcher(name);
        return m.matches() ? Path.of(m.group(1)) : null;
    }
}
