package io.liquidlens.app.graph;

import java.util.EnumSet;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;
import org.graphstream.ui.view.util.ShortcutManager;

/**
 * Turns off GraphStream's own mouse and keyboard handling in a view: clicks select neurons and arrow keys move
 * the time cursor, where GraphStream's managers would drag vertices, rubber-band select and pan the camera.
 */
final class InertViewerInput {
    private InertViewerInput() {
    }

    /** Leaves {@code view}'s mouse and keys to the window's own handlers. */
    static void install(FxDefaultView view) {
        view.setMouseManager(new InertMouse());
        view.setShortcutManager(new InertKeys());
    }

    private static final class InertMouse implements MouseManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }

    private static final class InertKeys implements ShortcutManager {
        @Override
        public void init(GraphicGraph graph, View view) {
        }

        @Override
        public void release() {
        }
    }
}
