package com.commhub.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started CommHub where to open it. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			log.info("""

					============================================================
					 CommHub (汇通) is ready: open http://localhost:{}
					 Sign in as 'admin' (password printed above at first start,
					 or COMMHUB_ADMIN_PASSWORD) or as a demo persona.
					 API docs: http://localhost:{}/swagger-ui.html
					============================================================""", port, port);
		}
	}
}
