package io.liquidlens.causal;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Where a report's work units run: this machine's cores, or a cluster (the {@code spark} package). A unit and
 * its work are plain serialisable values, so the engine may run them in other processes; results come back in
 * the units' order, so the report does not depend on which engine made them.
 */
public interface WorkEngine {

    /** A unit's work: a function of the unit alone, which an engine may ship to another machine. */
    interface Work<U, R> extends Function<U, R>, Serializable {
    }

    /**
     * {@code work} applied to every unit, in the units' order.
     *
     * @param finished told the index of each unit once it is done, in the calling process (for progress)
     */
    <U extends Serializable, R extends Serializable> List<R> map(List<U> units, Work<U, R> work,
                                                                  IntConsumer finished);

    /**
     * How this engine's units reach the files the driver read, asked once before the units are made; an engine
     * may send the files with its work here. By default every process reads them at the driver's paths.
     *
     * @param files every local file the units will read, with the SHA-256 the driver read (in report order)
     * @throws io.liquidlens.LiquidLensException naming the files when the engine cannot take them
     */
    default WorkInputs inputs(Map<Path, String> files) {
        return WorkInputs.shared();
    }

    /** The units spread over this machine's cores, in this process. */
    static WorkEngine threads() {
        return new WorkEngine() {
            @Override
            public <U extends Serializable, R extends Serializable> List<R> map(List<U> units, Work<U, R> work,
                                                                                 IntConsumer finished) {
                return IntStream.range(0, units.size()).parallel().mapToObj(i -> {
                    R r = work.apply(units.get(i));
                    finished.accept(i);
                    return r;
                }).toList();
            }
        };
    }
}
