import { describeRoutes, routesOf } from "../../support/routes.js";

// The pages a beheerder's and a partner's worker see differently.
describeRoutes("beheerder", routesOf.beheerder, { phoneAndKeyboard: false });
describeRoutes("partnerWorker", routesOf.partnerWorker, { phoneAndKeyboard: false });
