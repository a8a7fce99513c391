import { describeRoutes, routesOf } from "../../support/routes.js";

// The second half of the worker's pages; the first half runs beside it in wijkteam-worker-kaart.
const half = Math.ceil(routesOf.wijkteamWorker.length / 2);
describeRoutes("wijkteamWorker", routesOf.wijkteamWorker.slice(half), { phoneAndKeyboard: true });
