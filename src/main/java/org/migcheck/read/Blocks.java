package org.migcheck.read;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The framer's read buffers, recycled: a chunk is a slice of the buffer it was read into, so a
 * buffer can only be filled again once every chunk cut from it has been read. Each buffer counts
 * its users (the framer while it reads into it, and every chunk not yet released) and comes back
 * here when the count drops to zero. Without this every document was copied out of one reused
 * buffer: a fifth of all the bytes a large fleet allocated. Thread-safe.
 */
final class Blocks {
  /** A buffer and its users. */
  static final class Block {
    private final Blocks owner;
    final byte[] data;
    private final AtomicInteger users = new AtomicInteger(1);

    private Block(Blocks owner, byte[] data) {
      this.owner = owner;
      this.data = data;
    }

    /** One more chunk of this buffer. */
    void use() {
      users.incrementAndGet();
    }

    /** A chunk was read, or the framer moved on to another buffer. */
    void release() {
      int left = users.decrementAndGet();
      if (left == 0) {
        owner.recycle(this);
      } else if (left < 0) {
        throw new IllegalStateException("a read buffer released once too often");
      }
    }
  }

  private final int size;
  private final ArrayBlockingQueue<byte[]> free;
  private final AtomicInteger created = new AtomicInteger();

  /** Buffers of {@code size} bytes; at most {@code keep} idle ones are kept. */
  Blocks(int size, int keep) {
    this.size = size;
    this.free = new ArrayBlockingQueue<>(Math.max(1, keep));
  }

  /** The usual size of a buffer. */
  int size() {
    return size;
  }

  /** A buffer of at least {@code min} bytes, held by the caller (one user). */
  Block take(int min) {
    byte[] b = min <= size ? free.poll() : null;
    if (b == null) {
      created.incrementAndGet();
      b = new byte[Math.max(min, size)]; // one larger than usual (a large document) is not kept
    }
    return new Block(this, b);
  }

  /** How many arrays were allocated (the rest of the buffers taken were recycled). */
  int created() {
    return created.get();
  }

  private void recycle(Block b) {
    if (b.data.length == size) {
      free.offer(b.data); // dropped when enough are idle already
    }
  }
}
