package io.liquidlens.tree.weka;

import weka.classifiers.trees.J48;
import weka.classifiers.trees.j48.BinC45ModelSelection;
import weka.classifiers.trees.j48.C45ModelSelection;
import weka.classifiers.trees.j48.ClassifierSplitModel;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.classifiers.trees.j48.ModelSelection;
import weka.classifiers.trees.j48.PruneableClassifierTree;
import weka.core.Instances;

/**
 * J48 with its built tree readable (Weka keeps {@code m_root} protected and offers only text), and with
 * reduced-error pruning that works: in weka-stable 3.8.7, {@code C45ModelSelection.selectModel(train, test)} calls
 * the base class's version, which always throws "Model selection method not implemented", so {@code J48 -R} fails
 * on every data set. With reduced-error pruning this builds the same tree J48 intends (the same
 * {@link PruneableClassifierTree}, splits chosen on the growing part only, as C4.5 does and as Weka's other
 * releases do) through a model selection that does that.
 */
final class ExposedJ48 extends J48 {
    private static final long serialVersionUID = 1L;

    /** The root of the built tree. */
    ClassifierTree root() {
        return m_root;
    }

    @Override
    public void buildClassifier(Instances instances) throws Exception {
        if (!m_reducedErrorPruning) {
            super.buildClassifier(instances);
            return;
        }
        getCapabilities().testWithFail(instances);
        Instances data = new Instances(instances);
        data.deleteWithMissingClass();
        ModelSelection inner = m_binarySplits
                ? new BinC45ModelSelection(m_minNumObj, data, m_useMDLcorrection, m_doNotMakeSplitPointActualValue)
                : new C45ModelSelection(m_minNumObj, data, m_useMDLcorrection, m_doNotMakeSplitPointActualValue);
        m_root = new PruneableClassifierTree(new GrowingSetSelection(inner), !m_unpruned, m_numFolds, !m_noCleanup,
                m_Seed);
        m_root.buildClassifier(data);
        if (inner instanceof BinC45ModelSelection b) {
            b.cleanup();
        } else {
            ((C45ModelSelection) inner).cleanup();
        }
    }

    /** Chooses splits on the growing set alone; the pruning set only prunes. */
    private static final class GrowingSetSelection extends ModelSelection {
        private static final long serialVersionUID = 1L;
        private final ModelSelection inner;

        GrowingSetSelection(ModelSelection inner) {
            this.inner = inner;
        }

        @Override
        public ClassifierSplitModel selectModel(Instances data) throws Exception {
            return inner.selectModel(data);
        }

        @Override
        public ClassifierSplitModel selectModel(Instances train, Instances test) throws Exception {
            return inner.selectModel(train);
        }

        @Override
        public String getRevision() {
            return "liquidlens";
        }
    }
}
