import type { OfferingFields } from "../offering/offering.service.js";
import type { NewLocation, NewOrganization } from "../organization/organization.service.js";
import type { OfferingStatus } from "../taxonomy/taxonomy.js";

// ── The directory as Ketenkaart holds it ─────────────────────────────────────────────────────

export interface DirectoryLocation extends NewLocation {
  id: string;
  gemeenteCode: string | null;
}

export interface DirectoryOrganization extends NewOrganization {
  id: string;
  locations: DirectoryLocation[];
}

export interface DirectoryOffering extends OfferingFields {
  id: string;
  organizationId: string;
  status: OfferingStatus;
  lastVerifiedAt: Date;
  /** Export only: when the offering last changed. */
  updatedAt?: Date;
}

export interface Directory {
  organizations: DirectoryOrganization[];
  offerings: DirectoryOffering[];
}

// ── The HSDS objects Ketenkaart writes and reads ─────────────────────────────────────────────

export interface HsdsPhone {
  id: string;
  organization_id?: string;
  contact_id?: string;
  number: string;
  type?: string;
}

export interface HsdsContact {
  id: string;
  organization_id?: string;
  service_id?: string;
  name?: string;
  title?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  link_type?: string;
  link_entity?: string;
  taxonomy_term_id?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
  value?: string;
  label?: string;
}

export interface HsdsAddress {
  id: string;
  location_id?: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: string;
}

export interface HsdsLocation {
  id: string;
  location_type: string;
  organization_id?: string;
  name?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  addresses?: HsdsAddress[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  locations?: HsdsLocation[];
  attributes?: HsdsAttribute[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  description?: string;
  status: "active" | "inactive" | "defunct" | "temporarily closed";
  fees_description?: string;
  wait_time?: string;
  assured_date?: string;
  last_modified?: string;
  languages?: Array<{ id: string; service_id?: string; code?: string; name?: string }>;
  contacts?: HsdsContact[];
  service_at_locations?: Array<{ id: string; service_id?: string; location_id?: string }>;
  service_areas?: Array<{ id: string; service_id?: string; name?: string; uri?: string }>;
  schedules?: Array<{ id: string; service_id?: string; description?: string }>;
  cost_options?: Array<{
    id: string;
    service_id?: string;
    option?: string;
    amount?: number;
    currency?: string;
  }>;
  capacities?: Array<{
    id: string;
    service_id?: string;
    unit: { id: string; name: string };
    available: number;
    maximum?: number;
    description?: string;
    updated: string;
  }>;
  required_documents?: Array<{ id: string; service_id?: string; document?: string }>;
  attributes?: HsdsAttribute[];
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  taxonomy_id?: string;
  language?: string;
  term_uri?: string;
}

/** One document: the HSDS objects of a directory, with the taxonomies they use. */
export interface HsdsDocument {
  hsds_version: string;
  title: string;
  generated_at: string;
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
  organizations: HsdsOrganization[];
  services: HsdsService[];
}

export interface Problem {
  /** JSON Pointer into the document, e.g. /services/3/status. */
  path: string;
  message: string;
}
