/**
 * A report's work units as Apache Spark tasks: the one seam to Spark, so that the everyday command line and the
 * workbench never load it and their jars never hold it.
 *
 * <p>Depends on: causal (the work engine it implements) and Spark's core (RDDs).
 */
package io.liquidlens.spark;
