package com.commhub.bench.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Chat delivery load generator (issue 5, "Performance"), a plain main, not a test.
 * <ul>
 * <li>{@code seed-people base=http://… adminPassword=… employees=2000 out=DIR} and
 * {@code seed-conversations base=http://… employees=2000 groupSize=20 out=DIR}: create the people, then the
 * conversations, in CommHub ({@link ChatSeed});</li>
 * <li>{@code run target=commhub|relay base=http://… [people=DIR] clients=2000 groupSize=20
 * steps=100:60,150:30,… warmup=100:10 timeout=10 stopP99=2000 out=FILE}: connects the STOMP clients, then posts
 * open-loop at each step's rate (posts/s) for its seconds and measures every delivery; after the first step, the
 * first step whose p99 exceeds {@code stopP99} ms (or that loses more than 1%) ends the run; {@code jfr=FILE} records
 * the server ({@code serverPid}) with JFR from the first post to the end;</li>
 * <li>{@code summary relay=FILE commhub=FILE}: the Markdown table with the ratios.</li>
 * </ul>
 * Client {@code i} is in conversation {@code i / groupSize}; every conversation has exactly {@code groupSize}
 * members, each connected once. A post's latency is measured per delivery, from the post's scheduled time
 * (open loop: a late post counts its lateness) to the arrival of its MESSAGE frame at that member, in this JVM's
 * {@code System.nanoTime()}. Every member receives the post, the sender included (its other tabs need it), so one
 * post is {@code groupSize} expected deliveries. A delivery is identified by the marker {@code #L<post>#} in the
 * text (also sent as {@code clientMessageId} {@code L<post>}): a second frame of the same post at the same client is
 * a duplicate; an expected delivery not seen {@code timeout} seconds after the step's last post is lost.
 */
public final class ChatLoad {

	private static final String[] TEXTS = { "下午三点在二号会议室讨论季度计划，请准时参加。", "新版客户端今晚发布，大家留意一下反馈。",
			"周报已经更新，麻烦各位看一下自己负责的部分。", "明天上午的培训改到线上进行，链接稍后发群里。", "这个需求的优先级我们下周一再确认。",
			"样机已经到了，放在前台，需要的同事自取。", "谢谢大家这周的配合，项目进度比预期快。", "测试环境刚刚重启，如有异常请告诉我。",
			"午饭后一起过一下设计稿吧。", "会议纪要已整理好，请补充遗漏的内容。" };

	private ChatLoad() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: ChatLoad seed|run|summary key=value…");
			System.exit(2);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		switch (args[0]) {
			case "seed-people", "seed-conversations" -> {
				Path out = Path.of(options.getOrDefault("out", "."));
				Files.createDirectories(out);
				ChatSeed seed = new ChatSeed(options.get("base"),
						Integer.parseInt(options.getOrDefault("employees", "2000")),
						Integer.parseInt(options.getOrDefault("groupSize", "20")),
						Integer.parseInt(options.getOrDefault("parallel", "3")));
				if (args[0].equals("seed-people")) {
					seed.people(options.get("adminPassword"), out.resolve("people.tsv"));
				}
				else {
					seed.conversations(out.resolve("people.tsv"), out.resolve("conversations.tsv"));
				}
			}
			case "run" -> new ChatLoad.Run(options).run();
			case "summary" -> Summary.print(Path.of(options.get("relay")), Path.of(options.get("commhub")),
					Double.parseDouble(options.getOrDefault("goalP99", "200")));
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.exit(0);
	}

	record StepPlan(int rate, int seconds, boolean warmup) {

		static List<StepPlan> parse(String warmup, String steps) {
			List<StepPlan> plans = new ArrayList<>();
			if (warmup != null && !warmup.isBlank()) {
				String[] w = warmup.split(":");
				plans.add(new StepPlan(Integer.parseInt(w[0]), Integer.parseInt(w[1]), true));
			}
			for (String step : steps.split(",")) {
				String[] s = step.strip().split(":");
				plans.add(new StepPlan(Integer.parseInt(s[0]), Integer.parseInt(s[1]), false));
			}
			return plans;
		}
	}

	/** One post: its conversation, scheduled time, which members received it (bit per member), and its outcome. */
	static final class Post {

		static final AtomicIntegerFieldUpdater<Post> MASK = AtomicIntegerFieldUpdater.newUpdater(Post.class, "mask");

		final long id;
		final int conversation;
		final long scheduled;
		final Step step;
		volatile int mask;
		volatile boolean ok;
		volatile boolean done;

		Post(long id, int conversation, long scheduled, Step step) {
			this.id = id;
			this.conversation = conversation;
			this.scheduled = scheduled;
			this.step = step;
		}
	}

	/** Counters and latencies of one step. */
	static final class Step {

		final StepPlan plan;
		final long[] latencies;
		final AtomicInteger count = new AtomicInteger();
		final long[] postLatencies;
		final AtomicInteger postCount = new AtomicInteger();
		final LongAdder duplicates = new LongAdder();
		final LongAdder late = new LongAdder();
		final LongAdder postErrors = new LongAdder();
		final List<Post> posts = new ArrayList<>();
		volatile long firstScheduled;
		volatile long lastArrival;
		volatile String firstError;

		Step(StepPlan plan, int groupSize) {
			this.plan = plan;
			int posts = plan.rate() * plan.seconds() + 16;
			this.latencies = new long[posts * groupSize * 2];
			this.postLatencies = new long[posts];
		}

		void delivered(long latency, long arrival) {
			int at = count.getAndIncrement();
			if (at < latencies.length) {
				latencies[at] = latency;
			}
			if (arrival > lastArrival) {
				lastArrival = arrival;
			}
		}
	}

	static final class Run {

		private final String target;
		private final String base;
		private final int clients;
		private final int groupSize;
		private final List<StepPlan> plans;
		private final long timeoutNanos;
		private final Path out;
		private final String frameType;
		private final String[] tokens;
		private final long[] conversationIds;
		private final Map<Long, Post> posts = new ConcurrentHashMap<>();
		private final AtomicInteger nextPost = new AtomicInteger();
		private final LongAdder strayFrames = new LongAdder();
		private final LongAdder otherFrames = new LongAdder();
		private final LongAdder unknownPosts = new LongAdder();
		private final ConcurrentHashMap<String, Boolean> otherTypes = new ConcurrentHashMap<>();
		private StompClient[] stomp;
		private final long serverPid;
		private final double stopP99;
		private final String jfr;
		private final String dbMatch;

		Run(Map<String, String> options) throws Exception {
			this.target = options.getOrDefault("target", "relay");
			this.base = options.get("base");
			this.clients = Integer.parseInt(options.getOrDefault("clients", "2000"));
			this.groupSize = Integer.parseInt(options.getOrDefault("groupSize", "20"));
			this.plans = StepPlan.parse(options.getOrDefault("warmup", "100:10"),
					options.getOrDefault("steps", "100:60,150:30,200:30,300:30,400:30"));
			this.timeoutNanos = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "10"))).toNanos();
			this.out = Path.of(options.getOrDefault("out", target + ".tsv"));
			this.frameType = options.getOrDefault("frameType", "message");
			this.serverPid = Long.parseLong(options.getOrDefault("serverPid", "-1"));
			this.stopP99 = Double.parseDouble(options.getOrDefault("stopP99", "2000"));
			this.jfr = options.get("jfr");
			this.dbMatch = options.get("dbMatch");
			if (clients % groupSize != 0) {
				throw new IllegalArgumentException("clients must be a multiple of groupSize");
			}
			int groups = clients / groupSize;
			tokens = new String[clients];
			conversationIds = new long[groups];
			if ("commhub".equals(target)) {
				Path people = Path.of(options.getOrDefault("people", "."));
				for (String line : Files.readAllLines(people.resolve("people.tsv"))) {
					String[] f = line.split("\t");
					int i = Integer.parseInt(f[0]);
					if (i < clients) {
						tokens[i] = f[3];
					}
				}
				for (String line : Files.readAllLines(people.resolve("conversations.tsv"))) {
					String[] f = line.split("\t");
					int g = Integer.parseInt(f[0]);
					if (g < groups) {
						conversationIds[g] = Long.parseLong(f[1]);
					}
				}
			}
			else {
				for (int g = 0; g < groups; g++) {
					conversationIds[g] = g + 1;
				}
			}
		}

		void run() throws Exception {
			connect();
			if (jfr != null) {
				// after the handshakes: the recording shows the posting load only
				jcmd("JFR.start", "name=chatload", "settings=profile", "filename=" + jfr);
			}
			StringBuilder tsv = new StringBuilder(Result.HEADER).append('\n');
			int measured = 0;
			for (StepPlan plan : plans) {
				Result result = step(plan);
				ChatSeed.log("%s", result.describe(target));
				if (!plan.warmup()) {
					tsv.append(result.tsv(target)).append('\n');
					Files.writeString(out, tsv.toString());
					measured++;
					// the ramp after the first (goal) step rises: once saturated, higher rates only pile up a backlog
					boolean saturated = result.p99() > stopP99 || Double.isNaN(result.p99())
							|| result.lost() + result.postErrors() * groupSize > 0.01 * result.posts() * groupSize;
					if (measured > 1 && saturated) {
						ChatSeed.log("%s: p99 above %.0f ms or more than 1%% lost at %d posts/s: higher rates skipped",
								target, stopP99, plan.rate());
						break;
					}
				}
				Thread.sleep(3000);
			}
			if (jfr != null) {
				jcmd("JFR.stop", "name=chatload");
			}
			ChatSeed.log("frames of other types: %d %s; frames for another conversation: %d; unknown posts: %d",
					otherFrames.sum(), otherTypes.keySet(), strayFrames.sum(), unknownPosts.sum());
			int open = 0;
			for (StompClient client : stomp) {
				open += client.isOpen() ? 1 : 0;
			}
			ChatSeed.log("%d of %d clients still connected at the end", open, clients);
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				for (StompClient client : stomp) {
					pool.submit(client::close);
				}
			}
		}

		private void jcmd(String... command) throws Exception {
			List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(serverPid)));
			line.addAll(List.of(command));
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("jcmd failed: " + output);
			}
		}

		private void connect() throws Exception {
			long t0 = System.nanoTime();
			URI ws = URI.create(base.replaceFirst("^http", "ws") + "/ws");
			// a few HTTP clients: each has one selector thread for its sockets
			HttpClient[] https = new HttpClient[4];
			for (int i = 0; i < https.length; i++) {
				https[i] = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
			}
			stomp = new StompClient[clients];
			Semaphore slots = new Semaphore(32);
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> futures = new ArrayList<>();
				for (int i = 0; i < clients; i++) {
					int index = i;
					futures.add(pool.submit(() -> {
						slots.acquire();
						try {
							StompClient client = StompClient.connect(https[index % https.length], ws, tokens[index],
									index, this::onMessage, Duration.ofSeconds(60));
							client.subscribe("chat", "commhub".equals(target) ? "/user/queue/chat"
									: "/topic/conv." + conversationIds[index / groupSize]);
							stomp[index] = client;
						}
						finally {
							slots.release();
						}
						return null;
					}));
				}
				for (Future<?> f : futures) {
					f.get();
				}
			}
			// let the subscriptions settle before the first post
			Thread.sleep(2000);
			ChatSeed.log("%s: %d STOMP clients connected and subscribed in %.1f s", target, clients,
					(System.nanoTime() - t0) / 1e9);
		}

		/** Called on the WebSocket callback threads. */
		private void onMessage(StompClient client, String destination, String body, long arrival) {
			if (!body.contains("\"type\":\"" + frameType + "\"")) {
				otherFrames.increment();
				int at = body.indexOf("\"type\":\"");
				if (at >= 0 && otherTypes.size() < 20) {
					int end = body.indexOf('"', at + 8);
					otherTypes.putIfAbsent(body.substring(at + 8, Math.max(at + 8, end)), Boolean.TRUE);
				}
				return;
			}
			long id = marker(body);
			Post post = id < 0 ? null : posts.get(id);
			if (post == null) {
				unknownPosts.increment();
				return;
			}
			if (post.conversation != client.index / groupSize) {
				strayFrames.increment();
				return;
			}
			int bit = 1 << (client.index % groupSize);
			int before = Post.MASK.getAndUpdate(post, m -> m | bit);
			if ((before & bit) != 0) {
				post.step.duplicates.increment();
				return;
			}
			long latency = arrival - post.scheduled;
			if (latency > timeoutNanos) {
				post.step.late.increment();
			}
			post.step.delivered(latency, arrival);
		}

		/** The post number in {@code #L<n>#}, or in {@code "clientMessageId":"L<n>"}; -1 if neither is there. */
		static long marker(String body) {
			int at = body.indexOf("#L");
			int from = at + 2;
			if (at < 0) {
				at = body.indexOf("\"clientMessageId\":\"L");
				if (at < 0) {
					return -1;
				}
				from = at + 20;
			}
			long n = 0;
			int i = from;
			while (i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
				n = n * 10 + (body.charAt(i) - '0');
				i++;
			}
			return i == from ? -1 : n;
		}

		private Result step(StepPlan plan) throws Exception {
			Step step = new Step(plan, groupSize);
			double[] cpuBefore = cpu();
			long wallBefore = System.nanoTime();
			int groups = clients / groupSize;
			int total = plan.rate() * plan.seconds();
			long period = 1_000_000_000L / plan.rate();
			long start = System.nanoTime() + 50_000_000L;
			step.firstScheduled = start;
			long maxLag = 0;
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < total; i++) {
					long scheduled = start + i * period;
					long wait = scheduled - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					maxLag = Math.max(maxLag, System.nanoTime() - scheduled);
					int id = nextPost.getAndIncrement();
					int conversation = id % groups;
					int sender = conversation * groupSize + (id / groups) % groupSize;
					Post post = new Post(id, conversation, scheduled, step);
					posts.put((long) id, post);
					step.posts.add(post);
					pool.submit(() -> post(step, post, id, sender));
				}
				long lastScheduled = start + (total - 1) * period;
				// wait for every expected delivery, or the timeout after the last post
				int full = (1 << groupSize) - 1;
				while (System.nanoTime() - lastScheduled < timeoutNanos) {
					boolean complete = true;
					for (Post post : step.posts) {
						if (!post.done || (post.ok && post.mask != full)) {
							complete = false;
							break;
						}
					}
					if (complete) {
						break;
					}
					Thread.sleep(50);
				}
			}
			long expected = 0;
			long received = 0;
			int full = (1 << groupSize) - 1;
			for (Post post : step.posts) {
				if (post.ok) {
					expected += groupSize;
					received += Integer.bitCount(post.mask & full);
				}
			}
			for (Post post : step.posts) {
				posts.remove(post.id);
			}
			double[] cpuAfter = cpu();
			double wall = (System.nanoTime() - wallBefore) / 1e9;
			double[] share = new double[3];
			for (int i = 0; i < 3; i++) {
				share[i] = cpuBefore[i] < 0 || cpuAfter[i] < 0 ? Double.NaN : (cpuAfter[i] - cpuBefore[i]) / wall;
			}
			return Result.of(step, expected, received, maxLag, share);
		}

		/**
		 * CPU seconds so far of this load generator, the server JVM ({@code serverPid}) and the processes whose
		 * command line contains {@code dbMatch} (the embedded PostgreSQL); -1 where unknown. Over a step, divided by
		 * its wall time: cores busy (2.0 = the whole machine here).
		 */
		private double[] cpu() {
			double self = seconds(ProcessHandle.current());
			double server = serverPid > 0 ? ProcessHandle.of(serverPid).map(ChatLoad::seconds).orElse(-1.0) : -1;
			double db = -1;
			if (dbMatch != null) {
				// the postmaster names its data directory; its backends are its children
				db = ProcessHandle.allProcesses()
					.filter(p -> p.info().commandLine().map(c -> c.contains(dbMatch)).orElse(false))
					.flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
					.mapToDouble(ChatLoad::seconds)
					.filter(v -> v >= 0)
					.sum();
			}
			return new double[] { self, server, db };
		}

		private void post(Step step, Post post, int id, int sender) {
			String text = TEXTS[id % TEXTS.length] + " #L" + id + "#";
			long sent = System.nanoTime();
			try {
				if ("commhub".equals(target)) {
					String body = "{\"text\":\"" + text + "\",\"clientMessageId\":\"L" + id + "\"}";
					HttpRequest request = HttpRequest.newBuilder(
							URI.create(base + "/api/v1/conversations/" + conversationIds[post.conversation] + "/messages"))
						.timeout(Duration.ofSeconds(30))
						.header("Authorization", "Bearer " + tokens[sender])
						.header("Content-Type", "application/json")
						.header("Accept", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
						.build();
					HttpResponse<String> response = Http.CLIENT.send(request,
							HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					boolean sentOk = response.statusCode() / 100 == 2 && response.body().contains("\"SENT\"");
					if (!sentOk) {
						fail(step, "HTTP " + response.statusCode() + " " + Http.abbreviate(response.body()));
					}
					post.ok = sentOk;
				}
				else {
					stomp[sender].sendFrame("/app/conv/" + conversationIds[post.conversation],
							"{\"type\":\"message\",\"conversationId\":" + conversationIds[post.conversation]
									+ ",\"messageId\":" + id + ",\"text\":\"" + text + "\",\"clientMessageId\":\"L" + id
									+ "\"}");
					post.ok = true;
				}
				int at = step.postCount.getAndIncrement();
				if (at < step.postLatencies.length) {
					step.postLatencies[at] = System.nanoTime() - sent;
				}
			}
			catch (Exception ex) {
				fail(step, String.valueOf(ex));
			}
			finally {
				post.done = true;
			}
		}

		private static void fail(Step step, String error) {
			step.postErrors.increment();
			if (step.firstError == null) {
				step.firstError = error;
			}
		}
	}

	private static double seconds(ProcessHandle process) {
		return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
	}

	/** The figures of one step. Latencies in milliseconds; CPU in cores busy over the step. */
	record Result(int rate, int seconds, int posts, long postErrors, long expected, long delivered, long lost,
			long duplicates, long late, double p50, double p95, double p99, double max, double deliveredPerSecond,
			double postP50, double postP99, double maxDispatchLagMs, double cpuLoad, double cpuServer, double cpuDb,
			String firstError) {

		static final String HEADER = "target\trate\tseconds\tposts\tpostErrors\texpected\tdelivered\tlost\tduplicates\tlate"
				+ "\tp50\tp95\tp99\tmax\tdeliveredPerSecond\tpostP50\tpostP99\tmaxDispatchLagMs\tcpuLoad\tcpuServer\tcpuDb";

		static Result of(Step step, long expected, long received, long maxLag, double[] cpu) {
			int n = Math.min(step.count.get(), step.latencies.length);
			long[] latencies = Arrays.copyOf(step.latencies, n);
			Arrays.sort(latencies);
			int m = Math.min(step.postCount.get(), step.postLatencies.length);
			long[] postLatencies = Arrays.copyOf(step.postLatencies, m);
			Arrays.sort(postLatencies);
			double span = (step.lastArrival - step.firstScheduled) / 1e9;
			return new Result(step.plan.rate(), step.plan.seconds(), step.posts.size(), step.postErrors.sum(), expected,
					received, expected - received, step.duplicates.sum(), step.late.sum(), ms(latencies, 0.50),
					ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 1.0), span > 0 ? n / span : 0,
					ms(postLatencies, 0.50), ms(postLatencies, 0.99), maxLag / 1e6, cpu[0], cpu[1], cpu[2],
					step.firstError);
		}

		private static double ms(long[] sorted, double quantile) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

		String tsv(String target) {
			return String.join("\t", target, "" + rate, "" + seconds, "" + posts, "" + postErrors, "" + expected,
					"" + delivered, "" + lost, "" + duplicates, "" + late, f(p50), f(p95), f(p99), f(max),
					f(deliveredPerSecond), f(postP50), f(postP99), f(maxDispatchLagMs), f(cpuLoad), f(cpuServer),
					f(cpuDb));
		}

		String describe(String target) {
			return String.format(Locale.ROOT,
					"%s %d posts/s × %d s: posts %d (errors %d), deliveries %d/%d, lost %d, duplicates %d, late %d, "
							+ "p50 %.1f p95 %.1f p99 %.1f max %.1f ms, %.0f deliveries/s, post call p50 %.1f p99 %.1f ms, "
							+ "dispatch lag max %.1f ms, CPU cores: load generator %.2f, server %.2f, PostgreSQL %.2f%s",
					target, rate, seconds, posts, postErrors, delivered, expected, lost, duplicates, late, p50, p95, p99,
					max, deliveredPerSecond, postP50, postP99, maxDispatchLagMs, cpuLoad, cpuServer, cpuDb,
					firstError == null ? "" : "; first error: " + firstError);
		}

		private static String f(double value) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
	}
}
