package com.commhub.bench.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A minimal STOMP 1.2 client over {@link java.net.http.WebSocket}: CONNECT (heart-beats off), SUBSCRIBE, SEND, and
 * MESSAGE frames handed to a callback with their arrival time. Only what the chat load generator needs: no receipts,
 * no transactions, no reconnect.
 */
final class StompClient implements WebSocket.Listener {

	/** Called on the WebSocket's callback thread for every MESSAGE frame, with {@link System#nanoTime()} at arrival. */
	interface MessageHandler {
		void onMessage(StompClient client, String destination, String body, long arrivalNanos);
	}

	final int index;
	private final MessageHandler handler;
	private final CompletableFuture<Void> connected = new CompletableFuture<>();
	private final StringBuilder partial = new StringBuilder();
	private final ReentrantLock sendLock = new ReentrantLock();
	private volatile WebSocket socket;
	private volatile String error;
	private volatile boolean closed;

	private StompClient(int index, MessageHandler handler) {
		this.index = index;
		this.handler = handler;
	}

	/** Opens the WebSocket (with the bearer token, if any) and completes once the broker answered CONNECTED. */
	static StompClient connect(HttpClient http, URI uri, String bearerToken, int index, MessageHandler handler,
			Duration timeout) throws Exception {
		StompClient client = new StompClient(index, handler);
		WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
		if (bearerToken != null) {
			builder.header("Authorization", "Bearer " + bearerToken);
		}
		client.socket = builder.buildAsync(uri, client).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		client.send("CONNECT\naccept-version:1.2\nhost:" + uri.getHost() + "\nheart-beat:0,0\n\n\0");
		client.connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		return client;
	}

	void subscribe(String id, String destination) {
		send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nack:auto\n\n\0");
	}

	/** A SEND frame without content-type (the broker side treats the body as text). */
	void sendFrame(String destination, String body) {
		send("SEND\ndestination:" + destination + "\ncontent-length:" + body.getBytes(StandardCharsets.UTF_8).length
				+ "\n\n" + body + "\0");
	}

	boolean isOpen() {
		return !closed && socket != null && !socket.isOutputClosed();
	}

	String error() {
		return error;
	}

	void close() {
		closed = true;
		WebSocket ws = socket;
		if (ws != null) {
			try {
				sendLock.lock();
				try {
					ws.sendText("DISCONNECT\n\n\0", true).get(2, TimeUnit.SECONDS);
				}
				finally {
					sendLock.unlock();
				}
				ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				ws.abort();
			}
		}
	}

	/** java.net.http.WebSocket refuses overlapping sends: one at a time per client. */
	private void send(String frame) {
		sendLock.lock();
		try {
			socket.sendText(frame, true).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("client " + index + ": send failed: " + ex, ex);
		}
		finally {
			sendLock.unlock();
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long now = System.nanoTime();
		partial.append(data);
		if (last) {
			String text = partial.toString();
			partial.setLength(0);
			frames(text, now);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		// not expected from a STOMP broker over text frames; counted as an error if it comes
		error = "binary frame";
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed = true;
		if (!connected.isDone()) {
			connected.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		}
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable failure) {
		closed = true;
		error = String.valueOf(failure);
		connected.completeExceptionally(failure);
	}

	/** One WebSocket message may hold several frames (and heart-beat newlines) separated by NUL. */
	private void frames(String text, long arrival) {
		int start = 0;
		while (start < text.length()) {
			int end = text.indexOf('\0', start);
			if (end < 0) {
				end = text.length();
			}
			frame(text, start, end, arrival);
			start = end + 1;
		}
	}

	private void frame(String text, int start, int end, long arrival) {
		while (start < end && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
			start++;
		}
		if (start >= end) {
			return;
		}
		int lineEnd = text.indexOf('\n', start);
		if (lineEnd < 0 || lineEnd > end) {
			lineEnd = end;
		}
		String command = text.substring(start, lineEnd).strip();
		int headersEnd = text.indexOf("\n\n", start);
		int bodyStart = headersEnd < 0 || headersEnd > end ? end : headersEnd + 2;
		String headers = text.substring(lineEnd, Math.max(lineEnd, bodyStart));
		switch (command) {
			case "CONNECTED" -> connected.complete(null);
			case "MESSAGE" -> handler.onMessage(this, header(headers, "destination"), text.substring(bodyStart, end),
					arrival);
			case "ERROR" -> {
				error = "ERROR " + header(headers, "message") + " " + text.substring(bodyStart, end);
				connected.completeExceptionally(new IllegalStateException(error));
			}
			default -> {
				// RECEIPT and anything else: not used
			}
		}
	}

	private static String header(String headers, String name) {
		String key = "\n" + name + ":";
		int at = headers.indexOf(key);
		if (at < 0) {
			return null;
		}
		int from = at + key.length();
		int to = headers.indexOf('\n', from);
		return headers.substring(from, to < 0 ? headers.length() : to).strip();
	}
}
