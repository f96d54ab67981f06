/**
 * A report's work units as Apache Spark tasks: the one seam to Spark, and to Hadoop's file systems, so that the
 * everyday command line and the workbench never load them and their jars never hold them. Results come back in the
 * units' order, so a report made on Spark is the report made without it.
 *
 * <p>Where the tasks find the models and rollouts ({@link io.liquidlens.causal.WorkInputs}): at the driver's paths
 * on a file system every executor sees; copied from Hadoop URIs ({@code hdfs://}, {@code s3a://}, {@code file:}),
 * first by the driver ({@link io.liquidlens.spark.StagedInputs}), so that the report reads local paths and names
 * the URIs, then once by each executor; or sent with the job ({@code SparkContext.addFile}) under their SHA-256.
 * Every copy is counted against a limit before it is made, checked against the driver's SHA-256 after, and lives in
 * a scratch folder that goes when the run ends.
 *
 * <p>Depends on {@code causal} (the work engine it implements and the inputs its units read), {@code io} (scratch
 * folders, model folders), Spark's RDD core and Hadoop's {@code FileSystem} API; only {@code cli} may use it.
 */
package io.liquidlens.spark;
