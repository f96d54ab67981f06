package io.liquidlens.app;

import io.liquidlens.app.dynamics.DynamicsPanelView;
import io.liquidlens.app.dynamics.DynamicsPanelViewModel;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.Exporter;
import io.liquidlens.app.graph.WiringGraphView;
import io.liquidlens.app.input.InputFrameView;
import io.liquidlens.app.saliency.SaliencyPanelView;
import io.liquidlens.app.saliency.SaliencyPanelViewModel;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.traces.TraceChartsView;
import io.liquidlens.app.tree.TreePanelView;
import io.liquidlens.app.tree.TreePanelViewModel;
import io.liquidlens.tree.service.TreeExports;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.InputRole;
import java.util.Map;
import javafx.scene.control.MenuItem;

/**
 * The views built in the sub-packages, each put into its slot of the {@link WorkbenchLayout} with its exports on
 * the {@link ExportMenu}: the wiring graph (whose neuron menu also offers "Drive with clamp..."), the traces, the
 * input frame, the Tree tab, the Saliency tab and the Dynamics tab.
 */
final class WorkbenchViews {
    private final WiringGraphView graph;
    private final TreePanelViewModel tree;
    private final SaliencyPanelViewModel saliency;
    private final DynamicsPanelViewModel dynamics;

    /**
     * Builds every view over {@code workspace}, their background work through {@code executor}, their file
     * writing through {@code exporter}; {@code drive} opens the drive dialog.
     */
    WorkbenchViews(WorkspaceViewModel workspace, TaskExecutor executor, Exporter exporter, WorkbenchLayout layout,
                   ExportMenu exports, Runnable drive) {
        graph = new WiringGraphView(workspace, executor);
        TraceChartsView traces = new TraceChartsView(workspace, exporter);
        InputFrameView input = new InputFrameView(workspace, exporter);
        layout.placeViews(graph, traces, input);
        MenuItem driveItem = WorkbenchMenus.item("Drive with clamp...", drive);
        driveItem.setId(WorkbenchApp.DRIVE_ID);
        graph.addNeuronMenuItem(driveItem);
        exports.add("Window as PNG...", ExportMenu.windowPng(layout.root()), "png");
        exports.add("Wiring graph as PNG...", graph.pngExport(), "png");
        exports.add("Wiring graph as SVG...", graph.svgExport(), "svg");
        for (TraceChartsView.Chart chart : TraceChartsView.Chart.values()) {
            // named by the chart's own title, as on screen
            exports.add(TraceChartsView.exportTitle(chart, "PNG"), traces.pngExport(chart), "png");
            exports.add(TraceChartsView.exportTitle(chart, "SVG"), traces.svgExport(chart), "svg");
        }
        exports.add(TraceChartsView.CSV_TITLE, traces.csvExport(), "csv");
        exports.add(InputFrameView.EXPORT_TITLE, input.pngExport(), "png");
        // the panes' own export buttons ask as the menu does: last export folder, a name from the model
        traces.askWhereToSave(exports::ask);
        input.askWhereToSave(exports::ask);
        tree = installTree(workspace, executor, layout, exports);
        saliency = installSaliency(workspace, executor, layout);
        dynamics = installDynamics(workspace, executor, layout);
    }

    /** The Tree tab: extraction on the loaded model and rollout, the tree at the cursor, its exports. */
    private static TreePanelViewModel installTree(WorkspaceViewModel workspace, TaskExecutor executor,
                                                  WorkbenchLayout layout, ExportMenu exports) {
        TreePanelViewModel tree = new TreePanelViewModel(workspace, executor);
        TreePanelView panel = new TreePanelView(tree);
        WorkbenchLayout.fill(layout.tree, panel);
        Export dot = tree.exportOf(TreeExports.DOT);
        exports.add("Tree as DOT...", dot, "dot");
        panel.addExport("DOT...", "tree-export-dot", exports.action("Tree as DOT...", dot, "dot"));
        Export pdf = tree.exportOf(TreeExports.PDF);
        exports.add("Tree as PDF...", pdf, "pdf");
        panel.addExport("PDF...", "tree-export-pdf", exports.action("Tree as PDF...", pdf, "pdf"));
        return tree;
    }

    /** The Saliency tab: maps at the cursor, clean beside perturbed; it computes only while its tab is shown. */
    private static SaliencyPanelViewModel installSaliency(WorkspaceViewModel workspace, TaskExecutor executor,
                                                          WorkbenchLayout layout) {
        SaliencyPanelViewModel saliency = new SaliencyPanelViewModel(workspace, executor);
        saliency.activeProperty().bind(layout.saliencyTab.selectedProperty());
        WorkbenchLayout.fill(layout.saliency, new SaliencyPanelView(saliency));
        return saliency;
    }

    /** The Dynamics tab: the model's dynamics over the rollout; computed only while its tab is shown. */
    private static DynamicsPanelViewModel installDynamics(WorkspaceViewModel workspace, TaskExecutor executor,
                                                          WorkbenchLayout layout) {
        DynamicsPanelViewModel dynamics = new DynamicsPanelViewModel(workspace, executor);
        dynamics.activeProperty().bind(layout.dynamicsTab.selectedProperty());
        WorkbenchLayout.fill(layout.dynamics, new DynamicsPanelView(dynamics));
        return dynamics;
    }

    /** The input roles changed in the Saliency tab for this session (empty when none were). */
    Map<String, InputRole> inputRoles() {
        return saliency.roles().changed();
    }

    /** Stops the tree extraction, the saliency maps and the dynamics being computed. */
    void cancel() {
        tree.cancel();
        saliency.cancel();
        dynamics.cancel();
    }

    /** Stops the wiring graph's drawing; GraphStream's viewer keeps threads alive otherwise. */
    void close() {
        graph.close();
    }
}
