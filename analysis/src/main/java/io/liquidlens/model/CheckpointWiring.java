package io.liquidlens.model;

/** How a checkpoint's sparsity masks relate to the wiring its {@code model.json} regenerates. */
public enum CheckpointWiring {
    /** The masks hold exactly the regenerated wiring's synapses. */
    MATCHES,
    /**
     * The masks are what ncps holds after building the same wiring object twice (it keeps the generator in
     * the object, so a reused wiring gains synapses: docs/NCPS.md#building-a-wiring-twice). The model was
     * trained with them.
     */
    BUILT_TWICE,
    /** The masks differ from the wiring in another way (another seed, or edited masks). */
    DIFFERS
}
