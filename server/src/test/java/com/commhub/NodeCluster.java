package com.commhub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CommHub nodes on one fresh database of the machine's PostgreSQL (the scale-out of ARCHITECTURE.md), for the
 * multi-node suite ({@code @Tag("multinode")}): the server of SPRING_DATASOURCE_URL (or 127.0.0.1:5432) with
 * SPRING_DATASOURCE_USERNAME/PASSWORD. The nodes share what docs/modules/archive.md and files.md require every node
 * to share (the archive keys, the attachment directory) and keep their own indexes (archive and chat/mail search).
 * The first node started migrates the schema and loads the demo company. {@link #close()} stops the nodes, drops the
 * database and deletes the nodes' directories.
 */
public final class NodeCluster implements AutoCloseable {

	private final Path work;
	private final String adminUrl;
	private final String user;
	private final String password;
	private final String database;
	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private NodeCluster(Path work, String adminUrl, String user, String password, String database) {
		this.work = work;
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
		this.database = database;
	}

	/** Creates the database (named {@code commhub_multinode_…}); start nodes with {@link #start}. */
	public static NodeCluster create() throws Exception {
		String url = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
		String adminUrl = url.replaceFirst("/[^/?]*(\\?.*)?$", "/postgres");
		String database = "commhub_multinode_" + UUID.randomUUID().toString().substring(0, 8);
		NodeCluster cluster = new NodeCluster(Files.createTempDirectory("commhub-multinode-"), adminUrl,
				System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
				System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""), database);
		try (Connection connection = DriverManager.getConnection(adminUrl, cluster.user, cluster.password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + database + " encoding 'UTF8' template template0");
		}
		return cluster;
	}

	/**
	 * Starts a node of the test profile on a random port. Command-line arguments outrank the SPRING_DATASOURCE_*
	 * environment that names the server; {@code extraArguments} ({@code --name=value}) come last and win.
	 */
	public ConfigurableApplicationContext start(String name, String... extraArguments) {
		Path node = work.resolve("node-" + name);
		String[] arguments = Stream.concat(Stream.of("--server.port=0", "--spring.datasource.url=" + databaseUrl(),
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--commhub.archive.key-dir=" + work.resolve("keys"), "--commhub.files.dir=" + work.resolve("files"),
				"--commhub.archive.index-dir=" + node.resolve("archive-index"),
				"--commhub.search.index-dir=" + node.resolve("search-index")), Stream.of(extraArguments))
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CommHubApplication.class)
			.profiles("test")
			.run(arguments);
		nodes.add(context);
		return context;
	}

	public String databaseUrl() {
		return adminUrl.replaceFirst("/postgres$", "/" + database);
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	/** The directory the nodes share (archive keys under {@code keys/}). */
	public Path work() {
		return work;
	}

	public static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	@Override
	public void close() throws Exception {
		for (ConfigurableApplicationContext node : nodes) {
			node.close();
		}
		nodes.clear();
		try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
		}
		try (var files = Files.walk(work)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}
}
