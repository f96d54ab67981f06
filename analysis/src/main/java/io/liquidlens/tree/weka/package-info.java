/**
 * The one seam to Weka: J48 trained through its API and converted into our
 * {@link io.liquidlens.tree.DecisionTree} ({@link io.liquidlens.tree.weka.J48Learner}), the training table as
 * ARFF ({@link io.liquidlens.tree.weka.ArffExport}), and the JVM settings Weka needs before its first class
 * loads ({@link io.liquidlens.tree.weka.WekaSetup}). No public method here takes or returns a Weka type.
 *
 * <p>Depends on {@code io.liquidlens.tree} and {@code weka}.
 */
package io.liquidlens.tree.weka;
