/**
 * A report's work units as Apache Spark tasks: the one seam to Spark, so that the everyday command line and the
 * workbench never load it and their jars never hold it. Results come back in the units' order, so a report made
 * on Spark is the report made without it.
 *
 * <p>Depends on {@code causal} (the work engine it implements) and Spark's RDD core; only {@code cli} may use it.
 */
package io.liquidlens.spark;
