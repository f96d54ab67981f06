package io.liquidlens.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/** Hadoop's file systems as a report reads them: the configuration an executor reads with, problems in one line. */
final class HadoopFiles {
    private static final String SPARK_HADOOP = "spark.hadoop.";
    private static Configuration executor;

    private HadoopFiles() {
    }

    /**
     * The Hadoop configuration of this executor process: its Hadoop site files and the {@code spark.hadoop.*}
     * settings of its Spark configuration, the places Spark's own reads of Hadoop files take theirs from (made
     * once; a process without Spark gets the site files alone).
     */
    static synchronized Configuration executorConfiguration() {
        if (executor == null) {
            Configuration conf = new Configuration();
            SparkEnv env = SparkEnv.get();
            if (env != null) {
                for (Tuple2<String, String> setting : env.conf().getAll()) {
                    if (setting._1().startsWith(SPARK_HADOOP)) {
                        conf.set(setting._1().substring(SPARK_HADOOP.length()), setting._2());
                    }
                }
            }
            executor = conf;
        }
        return executor;
    }

    /**
     * The file system of {@code path}. A scheme Hadoop's defaults name a class for but the classpath lacks (s3a://
     * without hadoop-aws) comes back as the same exception as a scheme nobody knows.
     */
    static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        try {
            return path.getFileSystem(conf);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ClassNotFoundException missing) {
                throw new UnsupportedFileSystemException("no class " + missing.getMessage().replace("Class ", "")
                        .replace(" not found", "") + " for scheme \"" + path.toUri().getScheme() + "\"");
            }
            throw e;
        }
    }

    /** The status of {@code path}, or null when nothing is there. */
    static FileStatus statusOrNull(FileSystem fs, Path path) throws IOException {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** What went wrong reading a URI, in a few words: what a user can act on, not a stack. */
    static String problem(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end);
        if (e instanceof UnsupportedFileSystemException) {
            return "no Hadoop file system for its scheme here (" + message + "); the scheme's connector (hadoop-aws"
                    + " for s3a://) must be on the classpath of the driver and of every executor";
        }
        return "cannot read (" + message + ")";
    }
}
