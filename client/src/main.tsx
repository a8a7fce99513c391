import "@utrecht/component-library-css/dist/index.css";
import { themeClassName } from "./theme/theme";
import "./styles.css";
import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { relayStylePagination } from "@apollo/client/utilities";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { sessionExpiredLink } from "./auth/SessionExpiry";
import { createApolloLink } from "./live/link";
import { routes } from "./routes";

const client: ApolloClient = new ApolloClient({
  link: ApolloLink.from([
    sessionExpiredLink(
      () => client,
      (to) => router.navigate(to),
    ),
    createApolloLink(),
  ]),
  cache: new InMemoryCache({
    typePolicies: {
      // "Meer laden" appends the next page of the same search.
      Query: { fields: { offerings: relayStylePagination(["search"]) } },
      Taxonomy: { merge: true },
    },
  }),
});

document.body.classList.add(themeClassName);
const router = createBrowserRouter(routes);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  </StrictMode>,
);
