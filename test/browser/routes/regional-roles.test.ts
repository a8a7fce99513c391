import { describeRoutes, routesOf } from "../../support/routes.js";

// The pages a coördinator's and the region's administrator see differently.
describeRoutes("coordinator", routesOf.coordinator, { phoneAndKeyboard: false });
describeRoutes("regionalAdministrator", routesOf.regionalAdministrator, {
  phoneAndKeyboard: false,
});
