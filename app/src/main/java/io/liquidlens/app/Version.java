package io.liquidlens.app;

/** The version the jar was built as (from its manifest), or "dev" when run from classes. */
final class Version {
    private Version() {
    }

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
