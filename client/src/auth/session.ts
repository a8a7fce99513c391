import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      roles
      mustSetUpSecondFactor
      organization {
        id
        name
      }
    }
  }
`);

/** The logged-in user (null when logged out, undefined while loading). */
export function useMe() {
  const { data, loading } = useQuery(MeQuery);
  return loading ? undefined : (data?.me ?? null);
}
