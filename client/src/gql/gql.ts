/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OfferingPage($id: ID!) {\n    offering(id: $id) {\n      id\n      title\n      description\n      module\n      phases\n      paletteLevel\n      lifeDomains\n      targetGroups\n      channels\n      deliveredBy\n      frequency\n      duration\n      costs\n      waitingTime\n      capacity {\n        available\n        total\n        updatedAt\n      }\n      documentsNeeded\n      documentsNote\n      languages\n      contactPerson {\n        name\n        phone\n        email\n      }\n      status\n      lastVerifiedAt\n      isStale\n      locations {\n        ...LocationList_location\n      }\n      gemeenten {\n        code\n        name\n      }\n      organization {\n        id\n        name\n        ...ContactPoint_organization\n      }\n    }\n  }\n": typeof types.OfferingPageDocument,
    "\n  query OrganizationPage($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      description\n      nvvkMember\n      coordinator {\n        name\n        phone\n        email\n      }\n      gemeenten {\n        code\n        name\n      }\n      locations {\n        ...LocationList_location\n      }\n      offerings {\n        id\n        status\n        ...ResultCard_offering\n      }\n      ...ContactPoint_organization\n    }\n  }\n": typeof types.OrganizationPageDocument,
    "\n  fragment ResultCard_offering on Offering {\n    id\n    title\n    paletteLevel\n    channels\n    isStale\n    lastVerifiedAt\n    capacity {\n      available\n    }\n    organization {\n      id\n      name\n    }\n  }\n": typeof types.ResultCard_OfferingFragmentDoc,
    "\n  query SearchOfferings($search: OfferingSearchInput, $first: Int, $after: String) {\n    offerings(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        distanceKm\n        node {\n          id\n          ...ResultCard_offering\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        field\n        values {\n          value\n          label\n          count\n        }\n      }\n    }\n  }\n": typeof types.SearchOfferingsDocument,
    "\n  fragment ContactPoint_organization on Organization {\n    website\n    contactPoint {\n      phone\n      email\n      address\n      openingHours\n      walkInHours\n    }\n  }\n": typeof types.ContactPoint_OrganizationFragmentDoc,
    "\n  fragment LocationList_location on Location {\n    id\n    name\n    street\n    postcode\n    city\n  }\n": typeof types.LocationList_LocationFragmentDoc,
    "\n  query Taxonomy {\n    taxonomy {\n      modules {\n        value\n        label\n      }\n      phases {\n        value\n        label\n      }\n      paletteLevels {\n        value\n        label\n        mode\n        modeLabel\n        intensity\n      }\n      lifeDomains {\n        value\n        label\n      }\n      targetGroups {\n        value\n        label\n      }\n      channels {\n        value\n        label\n      }\n      deliveredBy {\n        value\n        label\n      }\n      organizationKinds {\n        value\n        label\n      }\n      offeringStatuses {\n        value\n        label\n      }\n    }\n  }\n": typeof types.TaxonomyDocument,
};
const documents: Documents = {
    "\n  query OfferingPage($id: ID!) {\n    offering(id: $id) {\n      id\n      title\n      description\n      module\n      phases\n      paletteLevel\n      lifeDomains\n      targetGroups\n      channels\n      deliveredBy\n      frequency\n      duration\n      costs\n      waitingTime\n      capacity {\n        available\n        total\n        updatedAt\n      }\n      documentsNeeded\n      documentsNote\n      languages\n      contactPerson {\n        name\n        phone\n        email\n      }\n      status\n      lastVerifiedAt\n      isStale\n      locations {\n        ...LocationList_location\n      }\n      gemeenten {\n        code\n        name\n      }\n      organization {\n        id\n        name\n        ...ContactPoint_organization\n      }\n    }\n  }\n": types.OfferingPageDocument,
    "\n  query OrganizationPage($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      description\n      nvvkMember\n      coordinator {\n        name\n        phone\n        email\n      }\n      gemeenten {\n        code\n        name\n      }\n      locations {\n        ...LocationList_location\n      }\n      offerings {\n        id\n        status\n        ...ResultCard_offering\n      }\n      ...ContactPoint_organization\n    }\n  }\n": types.OrganizationPageDocument,
    "\n  fragment ResultCard_offering on Offering {\n    id\n    title\n    paletteLevel\n    channels\n    isStale\n    lastVerifiedAt\n    capacity {\n      available\n    }\n    organization {\n      id\n      name\n    }\n  }\n": types.ResultCard_OfferingFragmentDoc,
    "\n  query SearchOfferings($search: OfferingSearchInput, $first: Int, $after: String) {\n    offerings(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        distanceKm\n        node {\n          id\n          ...ResultCard_offering\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        field\n        values {\n          value\n          label\n          count\n        }\n      }\n    }\n  }\n": types.SearchOfferingsDocument,
    "\n  fragment ContactPoint_organization on Organization {\n    website\n    contactPoint {\n      phone\n      email\n      address\n      openingHours\n      walkInHours\n    }\n  }\n": types.ContactPoint_OrganizationFragmentDoc,
    "\n  fragment LocationList_location on Location {\n    id\n    name\n    street\n    postcode\n    city\n  }\n": types.LocationList_LocationFragmentDoc,
    "\n  query Taxonomy {\n    taxonomy {\n      modules {\n        value\n        label\n      }\n      phases {\n        value\n        label\n      }\n      paletteLevels {\n        value\n        label\n        mode\n        modeLabel\n        intensity\n      }\n      lifeDomains {\n        value\n        label\n      }\n      targetGroups {\n        value\n        label\n      }\n      channels {\n        value\n        label\n      }\n      deliveredBy {\n        value\n        label\n      }\n      organizationKinds {\n        value\n        label\n      }\n      offeringStatuses {\n        value\n        label\n      }\n    }\n  }\n": types.TaxonomyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferingPage($id: ID!) {\n    offering(id: $id) {\n      id\n      title\n      description\n      module\n      phases\n      paletteLevel\n      lifeDomains\n      targetGroups\n      channels\n      deliveredBy\n      frequency\n      duration\n      costs\n      waitingTime\n      capacity {\n        available\n        total\n        updatedAt\n      }\n      documentsNeeded\n      documentsNote\n      languages\n      contactPerson {\n        name\n        phone\n        email\n      }\n      status\n      lastVerifiedAt\n      isStale\n      locations {\n        ...LocationList_location\n      }\n      gemeenten {\n        code\n        name\n      }\n      organization {\n        id\n        name\n        ...ContactPoint_organization\n      }\n    }\n  }\n"): (typeof documents)["\n  query OfferingPage($id: ID!) {\n    offering(id: $id) {\n      id\n      title\n      description\n      module\n      phases\n      paletteLevel\n      lifeDomains\n      targetGroups\n      channels\n      deliveredBy\n      frequency\n      duration\n      costs\n      waitingTime\n      capacity {\n        available\n        total\n        updatedAt\n      }\n      documentsNeeded\n      documentsNote\n      languages\n      contactPerson {\n        name\n        phone\n        email\n      }\n      status\n      lastVerifiedAt\n      isStale\n      locations {\n        ...LocationList_location\n      }\n      gemeenten {\n        code\n        name\n      }\n      organization {\n        id\n        name\n        ...ContactPoint_organization\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationPage($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      description\n      nvvkMember\n      coordinator {\n        name\n        phone\n        email\n      }\n      gemeenten {\n        code\n        name\n      }\n      locations {\n        ...LocationList_location\n      }\n      offerings {\n        id\n        status\n        ...ResultCard_offering\n      }\n      ...ContactPoint_organization\n    }\n  }\n"): (typeof documents)["\n  query OrganizationPage($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      kind\n      description\n      nvvkMember\n      coordinator {\n        name\n        phone\n        email\n      }\n      gemeenten {\n        code\n        name\n      }\n      locations {\n        ...LocationList_location\n      }\n      offerings {\n        id\n        status\n        ...ResultCard_offering\n      }\n      ...ContactPoint_organization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResultCard_offering on Offering {\n    id\n    title\n    paletteLevel\n    channels\n    isStale\n    lastVerifiedAt\n    capacity {\n      available\n    }\n    organization {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ResultCard_offering on Offering {\n    id\n    title\n    paletteLevel\n    channels\n    isStale\n    lastVerifiedAt\n    capacity {\n      available\n    }\n    organization {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchOfferings($search: OfferingSearchInput, $first: Int, $after: String) {\n    offerings(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        distanceKm\n        node {\n          id\n          ...ResultCard_offering\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        field\n        values {\n          value\n          label\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchOfferings($search: OfferingSearchInput, $first: Int, $after: String) {\n    offerings(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        distanceKm\n        node {\n          id\n          ...ResultCard_offering\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        field\n        values {\n          value\n          label\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactPoint_organization on Organization {\n    website\n    contactPoint {\n      phone\n      email\n      address\n      openingHours\n      walkInHours\n    }\n  }\n"): (typeof documents)["\n  fragment ContactPoint_organization on Organization {\n    website\n    contactPoint {\n      phone\n      email\n      address\n      openingHours\n      walkInHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LocationList_location on Location {\n    id\n    name\n    street\n    postcode\n    city\n  }\n"): (typeof documents)["\n  fragment LocationList_location on Location {\n    id\n    name\n    street\n    postcode\n    city\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Taxonomy {\n    taxonomy {\n      modules {\n        value\n        label\n      }\n      phases {\n        value\n        label\n      }\n      paletteLevels {\n        value\n        label\n        mode\n        modeLabel\n        intensity\n      }\n      lifeDomains {\n        value\n        label\n      }\n      targetGroups {\n        value\n        label\n      }\n      channels {\n        value\n        label\n      }\n      deliveredBy {\n        value\n        label\n      }\n      organizationKinds {\n        value\n        label\n      }\n      offeringStatuses {\n        value\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  query Taxonomy {\n    taxonomy {\n      modules {\n        value\n        label\n      }\n      phases {\n        value\n        label\n      }\n      paletteLevels {\n        value\n        label\n        mode\n        modeLabel\n        intensity\n      }\n      lifeDomains {\n        value\n        label\n      }\n      targetGroups {\n        value\n        label\n      }\n      channels {\n        value\n        label\n      }\n      deliveredBy {\n        value\n        label\n      }\n      organizationKinds {\n        value\n        label\n      }\n      offeringStatuses {\n        value\n        label\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;