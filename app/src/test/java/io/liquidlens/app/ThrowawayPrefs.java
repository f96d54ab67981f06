package io.liquidlens.app;

import io.liquidlens.app.workspace.RecentFiles;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Points File > Recent at a fresh preferences node for one test class, and removes it afterwards. */
public final class ThrowawayPrefs {
    private ThrowawayPrefs() {
    }

    /** Sets {@link RecentFiles#NODE_PROPERTY} to a new node and returns that node. */
    public static Preferences use() {
        String name = "liquidlens-test-" + UUID.randomUUID();
        System.setProperty(RecentFiles.NODE_PROPERTY, name);
        return Preferences.userRoot().node(name);
    }

    /** Removes the node and the property. */
    public static void remove(Preferences node) throws BackingStoreException {
        System.clearProperty(RecentFiles.NODE_PROPERTY);
        node.removeNode();
        Preferences.userRoot().flush();
    }
}
