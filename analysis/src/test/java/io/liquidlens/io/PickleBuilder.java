package io.liquidlens.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickle byte code opcode by opcode, for hand-made test checkpoints. */
final class PickleBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBuilder proto(int protocol) {
        return op(0x80).op(protocol);
    }

    PickleBuilder global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Protocol 4 style: SHORT_BINUNICODE module, SHORT_BINUNICODE name, STACK_GLOBAL. */
    PickleBuilder stackGlobal(String module, String name) {
        return shortStr(module).shortStr(name).op(0x93);
    }

    PickleBuilder str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        out.writeBytes(le32(b.length));
        out.writeBytes(b);
        return this;
    }

    PickleBuilder shortStr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8c).op(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleBuilder integer(int value) {
        op('J');
        out.writeBytes(le32(value));
        return this;
    }

    PickleBuilder mark() {
        return op('(');
    }

    PickleBuilder tuple() {
        return op('t');
    }

    PickleBuilder emptyTuple() {
        return op(')');
    }

    PickleBuilder emptyDict() {
        return op('}');
    }

    PickleBuilder reduce() {
        return op('R');
    }

    PickleBuilder persistentId() {
        return op('Q');
    }

    PickleBuilder setItem() {
        return op('s');
    }

    PickleBuilder setItems() {
        return op('u');
    }

    PickleBuilder bool(boolean value) {
        return op(value ? 0x88 : 0x89);
    }

    PickleBuilder put(int slot) {
        return op('q').op(slot);
    }

    PickleBuilder get(int slot) {
        return op('h').op(slot);
    }

    PickleBuilder stop() {
        return op('.');
    }

    PickleBuilder op(int code) {
        out.write(code);
        return this;
    }

    /** Pushes an int tuple via MARK ... TUPLE. */
    PickleBuilder ints(int... values) {
        mark();
        for (int v : values) {
            integer(v);
        }
        return tuple();
    }

    /** ('storage', torch.<type>, key, location, numel) BINPERSID. */
    PickleBuilder storage(String type, String key, String location, int numel) {
        return mark().str("storage").global("torch", type).str(key).str(location).integer(numel).tuple()
                .persistentId();
    }

    /** _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict()); the storage is pushed by {@code storage}. */
    PickleBuilder tensor(Runnable storage, int offset, int[] size, int[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        storage.run();
        integer(offset).ints(size).ints(stride).bool(false).global("collections", "OrderedDict").emptyTuple()
                .reduce();
        return tuple().reduce();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
