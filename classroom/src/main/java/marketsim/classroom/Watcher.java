package marketsim.classroom;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import io.javalin.http.sse.SseClient;

/**
 * One watching page: frames queue here and its own thread writes them, so a page that stops reading (a phone put
 * to sleep) never holds up the lesson or the other pages. A page that falls {@link #BACKLOG} frames behind is
 * disconnected; its browser reconnects by itself and starts again from a set-up frame with every point so far.
 */
final class Watcher {
    /** Frames a page may fall behind before it is disconnected: a minute and more at the lesson's fastest. */
    static final int BACKLOG = 2_000;

    private final SseClient client;
    private final BlockingQueue<Frames.Frame> queue = new ArrayBlockingQueue<>(BACKLOG);
    private final Thread sender;
    private final Consumer<Watcher> gone;
    private volatile boolean closed;

    Watcher(SseClient client, Consumer<Watcher> gone) {
        this.client = client;
        this.gone = gone;
        sender = new Thread(this::sendAll, "lesson-watcher");
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues {@code frame} for the page; disconnects a page that is too far behind. */
    void send(Frames.Frame frame) {
        if (closed) {
            return;
        }
        if (!queue.offer(frame)) {
            close();
        }
    }

    void close() {
        if (!closed) {
            closed = true;
            sender.interrupt();
            gone.accept(this);
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    private void sendAll() {
        try {
            while (!closed) {
                Frames.Frame frame = queue.take();
                client.sendEvent(frame.event(), frame.json());
                if (client.terminated()) {
                    close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            close(); // the connection broke
        }
    }
}
