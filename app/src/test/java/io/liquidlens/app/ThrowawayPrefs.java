package io.liquidlens.app;

import io.liquidlens.app.workspace.RecentFiles;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points File > Recent at a fresh preferences node for one test class and removes it afterwards, so tests
 * never touch a user's recent files. Register it as {@code @RegisterExtension static final ThrowawayPrefs}.
 */
public final class ThrowawayPrefs implements BeforeAllCallback, AfterAllCallback {
    private Preferences node;

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = "liquidlens-test-" + UUID.randomUUID();
        System.setProperty(RecentFiles.NODE_PROPERTY, name);
        node = Preferences.userRoot().node(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws BackingStoreException {
        System.clearProperty(RecentFiles.NODE_PROPERTY);
        node.removeNode();
        Preferences.userRoot().flush();
    }

    /** The node the workbench keeps its recent files in during this class's tests. */
    public Preferences node() {
        return node;
    }
}
