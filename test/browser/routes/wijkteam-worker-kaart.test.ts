import { describeRoutes, routesOf } from "../../support/routes.js";

// The first half of the worker's pages; the other half runs beside it in wijkteam-worker-cases.
const half = Math.ceil(routesOf.wijkteamWorker.length / 2);
describeRoutes("wijkteamWorker", routesOf.wijkteamWorker.slice(0, half), {
  phoneAndKeyboard: true,
});
