/** The demo region's accounts (seeds/demo-region/users.json, README) share this password. */
export const demoPassword = "ketenkaart-demo";

/** The demo region's accounts, by the kind of user each stands for. */
export const demoAccounts = {
  wijkteamWorker: "sanne.devries@wijkteam-arnhem-noord.example",
  beheerder: "mohamed.elidrissi@wijkteam-arnhem-noord.example",
  partnerWorker: "ingrid.jansen@kredietbank-rijn-en-veluwezoom.example",
  coordinator: "marieke.scholten@budgetmaatjes-rijn-en-ijssel.example",
  stadsloketWorker: "pieter.vandijk@stadsloket-geldzaken-arnhem.example",
  regionalAdministrator: "regie@stadsloket-geldzaken-arnhem.example",
} as const;
