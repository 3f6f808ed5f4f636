package org.migcheck.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects many hosts with at most N connections at a time and a time limit per host. Results come
 * back in input order, each as soon as it and every host before it are done, so a snapshot is the
 * same whatever order hosts answer in.
 */
public final class FleetCollector {
  /** One host's outcome: data, or the one-line reason it failed. */
  public record Result(int index, String uri, HostData data, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  /** Told about each result in input order, and about progress as hosts finish in any order. */
  public interface Listener {
    void result(Result r);

    default void progress(int done, int total, int failed) {}
  }

  private final HostCollector collector;
  private final int parallel;
  private final Duration timeout;

  public FleetCollector(HostCollector collector, int parallel, Duration timeout) {
    this.collector = collector;
    this.parallel = parallel;
    this.timeout = timeout;
  }

  public void run(List<String> uris, Listener listener) {
    HostCollector.requireLibvirt();
    // libvirt calls cannot be interrupted: a host past its time limit is left to its own daemon
    // thread (the process exits without waiting for it) and its slot goes to the next host
    ExecutorService calls = Executors.newCachedThreadPool(daemon("migcheck-libvirt-"));
    ExecutorService workers = Executors.newFixedThreadPool(parallel, daemon("migcheck-collect-"));
    try {
      CompletionService<Result> done = new ExecutorCompletionService<>(workers);
      for (int i = 0; i < uris.size(); i++) {
        int index = i;
        String uri = uris.get(i);
        done.submit(() -> one(calls, index, uri));
      }
      Map<Integer, Result> waiting = new HashMap<>();
      int next = 0;
      int failed = 0;
      for (int n = 1; n <= uris.size(); n++) {
        Result r = take(done);
        if (r.failed()) {
          failed++;
        }
        listener.progress(n, uris.size(), failed);
        waiting.put(r.index(), r);
        while (waiting.containsKey(next)) {
          listener.result(waiting.remove(next++));
        }
      }
    } finally {
      workers.shutdownNow();
      calls.shutdownNow();
    }
  }

  private Result one(ExecutorService calls, int index, String uri) {
    String safe = LibvirtUri.redact(uri);
    Future<HostData> f = calls.submit(() -> collector.collect(uri));
    try {
      return new Result(index, safe, f.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Result(index, safe, null, "no answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      String why = c instanceof LiveError ? c.getMessage() : LibvirtUri.redactIn(String.valueOf(c), uri);
      return new Result(index, safe, null, why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(index, safe, null, "interrupted");
    }
  }

  private static Result take(CompletionService<Result> done) {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while collecting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("collector failed", e.getCause());
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Convenience for callers that want every result at once (URI inputs of other commands). */
  public List<Result> collectAll(List<String> uris) {
    List<Result> out = new ArrayList<>();
    run(uris, out::add);
    return out;
  }
}
