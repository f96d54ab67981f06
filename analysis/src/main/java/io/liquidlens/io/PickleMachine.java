package io.liquidlens.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle interpreter that builds plain data and never runs anything. It knows the opcodes of
 * protocols 2 to 5 that plain containers, numbers and strings need. Every opcode that would import or
 * call something (GLOBAL, STACK_GLOBAL, REDUCE, NEWOBJ, BUILD, BINPERSID) is handed to a {@link Host},
 * which decides from a whitelist what the value means; anything else is an error.
 *
 * <p>Values: str is {@link String}, int {@link Long} (or {@link BigInteger} beyond 64 bits), float
 * {@link Double}, bool {@link Boolean}, None {@link #NONE}, bytes {@code byte[]}, tuple {@link Tuple},
 * list {@link ArrayList}, dict {@link LinkedHashMap}.
 */
final class PickleMachine {
    /** Python's None. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static final Object MARK = new Object();
    private static final int HIGHEST_PROTOCOL = 5;
    private static final int MAX_KEY_DEPTH = 64;
    private static final int MAX_KEY_ITEMS = 10_000;

    /** What the globals and calls of a pickle mean; implementations whitelist. */
    interface Host {
        /** The object a GLOBAL/STACK_GLOBAL names (not yet called). */
        Object global(String module, String name) throws FormatException;

        /** {@code callable(*args)} for REDUCE. */
        Object call(Object callable, Tuple args) throws FormatException;

        /** {@code cls.__new__(cls, *args)} for NEWOBJ. */
        Object construct(Object cls, Tuple args) throws FormatException;

        /** BUILD: {@code obj} after applying {@code state}. */
        Object build(Object obj, Object state) throws FormatException;

        /** BINPERSID: the object a persistent id refers to. */
        Object persistentLoad(Object pid) throws FormatException;
    }

    /** A Python tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = List.copyOf(items);
        }

        int size() {
            return items.size();
        }

        Object get(int i) {
            return items.get(i);
        }

        @Override
        public String toString() {
            return "tuple" + items;
        }
    }

    private final byte[] code;
    private final Host host;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleMachine(byte[] code, Host host) {
        this.code = code;
        this.host = host;
    }

    /** Runs {@code pickle} and returns the object STOP leaves on the stack. */
    static Object load(byte[] pickle, Host host) throws FormatException {
        return new PickleMachine(pickle, host).run();
    }

    private Object run() throws FormatException {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int protocol = u8();
                    if (protocol > HIGHEST_PROTOCOL) {
                        throw new FormatException("unsupported pickle protocol " + protocol);
                    }
                }
                case 0x95 -> skip(8); // FRAME: only a read-ahead hint
                case '.' -> { // STOP
                    Object result = pop();
                    if (result == MARK) {
                        throw new FormatException("malformed pickle: STOP on a MARK");
                    }
                    return result;
                }
                case '(' -> stack.add(MARK);
                case '0' -> pop(); // POP
                case '1' -> popMark(); // POP_MARK
                case '2' -> push(peek()); // DUP
                case 'N' -> push(NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) s32());
                case 'K' -> push((long) u8());
                case 'M' -> push((long) (u8() | u8() << 8));
                case 0x8a -> push(longOf(bytes(u8()))); // LONG1
                case 0x8b -> push(longOf(bytes(length(u32())))); // LONG4
                case 'G' -> push(ByteBuffer.wrap(bytes(8)).order(ByteOrder.BIG_ENDIAN).getDouble());
                case 'X' -> push(utf8(bytes(length(u32())))); // BINUNICODE
                case 0x8c -> push(utf8(bytes(u8()))); // SHORT_BINUNICODE
                case 0x8d -> push(utf8(bytes(length(u64())))); // BINUNICODE8
                case 'T' -> push(latin1(bytes(length(u32())))); // BINSTRING (Python 2 str)
                case 'U' -> push(latin1(bytes(u8()))); // SHORT_BINSTRING
                case 'B' -> push(bytes(length(u32()))); // BINBYTES
                case 'C' -> push(bytes(u8())); // SHORT_BINBYTES
                case ')' -> push(new Tuple(List.of()));
                case 't' -> push(new Tuple(popMark()));
                case 0x85 -> push(new Tuple(popN(1)));
                case 0x86 -> push(new Tuple(popN(2)));
                case 0x87 -> push(new Tuple(popN(3)));
                case ']' -> push(new ArrayList<>());
                case 'l' -> push(new ArrayList<>(popMark()));
                case 'a' -> { // APPEND
                    Object item = pop();
                    list(peek()).add(item);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>());
                case 'd' -> { // DICT
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putPairs(dict, popMark());
                    push(dict);
                }
                case 's' -> { // SETITEM
                    Object value = pop();
                    Object key = pop();
                    putPairs(dict(peek()), List.of(key, value));
                }
                case 'u' -> { // SETITEMS
                    List<Object> pairs = popMark();
                    putPairs(dict(peek()), pairs);
                }
                case 'q' -> memo.put((long) u8(), peek()); // BINPUT
                case 'r' -> memo.put(u32(), peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(u32())); // LONG_BINGET
                case 'c' -> { // GLOBAL "module\nname\n"
                    String module = line();
                    String name = line();
                    push(host.global(module, name));
                }
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw new FormatException("malformed pickle: STACK_GLOBAL needs two strings");
                    }
                    push(host.global(m, n));
                }
                case 'R' -> { // REDUCE
                    Tuple args = tuple(pop());
                    push(host.call(pop(), args));
                }
                case 0x81 -> { // NEWOBJ
                    Tuple args = tuple(pop());
                    push(host.construct(pop(), args));
                }
                case 'b' -> { // BUILD
                    Object state = pop();
                    push(host.build(pop(), state));
                }
                case 'Q' -> push(host.persistentLoad(pop())); // BINPERSID
                default -> throw new FormatException(String.format(
                        "unsupported pickle opcode 0x%02x at byte %d", op, at));
            }
        }
    }

    // ---- stack ----

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop() throws FormatException {
        if (stack.isEmpty()) {
            throw new FormatException("malformed pickle: stack underflow at byte " + pos);
        }
        Object value = stack.remove(stack.size() - 1);
        return value;
    }

    private Object peek() throws FormatException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw new FormatException("malformed pickle: stack underflow at byte " + pos);
        }
        return stack.get(stack.size() - 1);
    }

    /** Pops {@code n} values (none of them a MARK), oldest first. */
    private List<Object> popN(int n) throws FormatException {
        if (stack.size() < n) {
            throw new FormatException("malformed pickle: stack underflow at byte " + pos);
        }
        List<Object> top = stack.subList(stack.size() - n, stack.size());
        if (top.contains(MARK)) {
            throw new FormatException("malformed pickle: unexpected MARK at byte " + pos);
        }
        List<Object> out = new ArrayList<>(top);
        top.clear();
        return out;
    }

    /** Pops everything above the topmost MARK, and the MARK. */
    private List<Object> popMark() throws FormatException {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw new FormatException("malformed pickle: no MARK at byte " + pos);
        }
        List<Object> top = stack.subList(mark + 1, stack.size());
        List<Object> out = new ArrayList<>(top);
        stack.subList(mark, stack.size()).clear();
        return out;
    }

    private Object memoGet(long index) throws FormatException {
        Object value = memo.get(index);
        if (value == null) {
            throw new FormatException("malformed pickle: memo entry " + index + " is not set");
        }
        return value;
    }

    // ---- typed views of stack values ----

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) throws FormatException {
        if (value instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw new FormatException("malformed pickle: APPEND to a " + typeName(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object value) throws FormatException {
        if (value instanceof LinkedHashMap<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new FormatException("malformed pickle: SETITEM on a " + typeName(value));
    }

    private static Tuple tuple(Object value) throws FormatException {
        if (value instanceof Tuple t) {
            return t;
        }
        throw new FormatException("malformed pickle: call arguments are a " + typeName(value) + ", not a tuple");
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> pairs) throws FormatException {
        if (pairs.size() % 2 != 0) {
            throw new FormatException("malformed pickle: odd number of items for a dict");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            Object key = pairs.get(i);
            checkKey(key);
            dict.put(key, pairs.get(i + 1));
        }
    }

    /**
     * Refuses what Python could not use as a dict key, and keys too big to hash: a dict key may be an
     * immutable scalar or a tuple of them, at most {@value #MAX_KEY_DEPTH} deep and of at most
     * {@value #MAX_KEY_ITEMS} items in all. Tuples are built from finished values, so one of only
     * hashable items cannot be cyclic; the depth bound keeps hashing it from overflowing the Java stack,
     * and the item bound keeps a few kilobytes of memo references to one tuple from making a key of a
     * billion items, whose hashing would never end. Every map keyed by pickle values checks here first.
     */
    static void checkKey(Object key) throws FormatException {
        int[] budget = {MAX_KEY_ITEMS};
        if (!hashable(key, 0, budget)) {
            throw new FormatException(budget[0] < 0
                    ? "malformed pickle: a dict key of more than " + MAX_KEY_ITEMS + " items"
                    : "malformed pickle: unhashable dict key of type " + typeName(key));
        }
    }

    private static boolean hashable(Object value, int depth, int[] budget) {
        if (--budget[0] < 0) {
            return false;
        }
        if (value instanceof Tuple t) {
            if (depth > MAX_KEY_DEPTH) {
                return false;
            }
            for (Object item : t.items()) {
                if (!hashable(item, depth + 1, budget)) {
                    return false;
                }
            }
            return true;
        }
        return value instanceof String || value instanceof Long || value instanceof BigInteger
                || value instanceof Boolean || value instanceof Double || value == NONE;
    }

    /** A Python-ish type name for messages. */
    static String typeName(Object value) {
        if (value instanceof String) return "str";
        if (value instanceof Long || value instanceof BigInteger) return "int";
        if (value instanceof Double) return "float";
        if (value instanceof Boolean) return "bool";
        if (value instanceof Tuple) return "tuple";
        if (value instanceof List) return "list";
        if (value instanceof Map) return "dict";
        if (value instanceof byte[]) return "bytes";
        if (value == NONE) return "None";
        if (value == MARK) return "MARK";
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    // ---- reading the byte code ----

    private void need(long n) throws FormatException {
        if (n > code.length - pos) {
            throw new FormatException("truncated pickle (ends at byte " + code.length + ")");
        }
    }

    private int u8() throws FormatException {
        need(1);
        return code[pos++] & 0xff;
    }

    private int s32() throws FormatException {
        need(4);
        int v = ByteBuffer.wrap(code, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        pos += 4;
        return v;
    }

    private long u32() throws FormatException {
        return s32() & 0xffffffffL;
    }

    private long u64() throws FormatException {
        need(8);
        long v = ByteBuffer.wrap(code, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        pos += 8;
        return v;
    }

    /** A length field, checked against what is left so garbage cannot make us allocate gigabytes. */
    private int length(long n) throws FormatException {
        if (n < 0 || n > code.length - pos) {
            throw new FormatException("truncated pickle (a length of " + Long.toUnsignedString(n)
                    + " runs past the end)");
        }
        return (int) n;
    }

    private void skip(int n) throws FormatException {
        need(n);
        pos += n;
    }

    private byte[] bytes(int n) throws FormatException {
        need(n);
        byte[] out = Arrays.copyOfRange(code, pos, pos + n);
        pos += n;
        return out;
    }

    private String line() throws FormatException {
        int start = pos;
        while (pos < code.length && code[pos] != '\n') {
            pos++;
        }
        if (pos >= code.length) {
            throw new FormatException("truncated pickle (unterminated GLOBAL name)");
        }
        String out = new String(code, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return out;
    }

    private static Object longOf(byte[] littleEndian) {
        if (littleEndian.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < bigEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static String utf8(byte[] bytes) throws FormatException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("malformed pickle: a string is not valid UTF-8", e);
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
