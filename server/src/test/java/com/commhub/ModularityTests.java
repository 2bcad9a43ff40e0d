package com.commhub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold, and the module documentation (diagrams, canvases) is generated from the code. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CommHubApplication.class);

	@Test
	void verifiesModularStructure() {
		MODULES.verify();
	}

	@Test
	void writesDocumentation() {
		// written into docs/generated so that docs/architecture.md always shows the diagram of the current code
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/generated"))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml();
	}
}
