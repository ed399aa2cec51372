package io.flowhub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests released at the same moment, each on a thread of its own: how a race between callers is provoked. */
public final class AllAtOnce {

    /** One request of the race, by its number. */
    public interface Call {
        GatewayClient.Response send(int request);
    }

    private AllAtOnce() {
    }

    /** @return the answers of {@code count} requests released at the same moment, in request order */
    public static List<GatewayClient.Response> send(int count, Call call) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(count)) {
            var futures = new ArrayList<Future<GatewayClient.Response>>();
            for (int request = 0; request < count; request++) {
                int number = request;
                Callable<GatewayClient.Response> task = () -> {
                    start.await();
                    return call.send(number);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            var answers = new ArrayList<GatewayClient.Response>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
