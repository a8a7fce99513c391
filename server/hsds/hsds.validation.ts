import { inputProblems, type InputProblem } from "../common/input-validation.js";
import { CapacityInput, OfferingInput } from "../offering/offering.inputs.js";
import { offeringRuleProblems } from "../offering/offering.rules.js";
import { ContactPersonInput, ContactPointInput } from "../organization/contact.inputs.js";
import { LocationInput } from "../organization/location.inputs.js";
import { NewOrganizationInput } from "../organization/organization.inputs.js";
import type { ContactPerson } from "../organization/contact.types.js";
import type {
  Directory,
  DirectoryLocation,
  DirectoryOffering,
  DirectoryOrganization,
  Problem,
} from "./hsds.types.js";

/**
 * The rules the API applies to organisations, locations and offerings, applied to what an HSDS
 * document would write: the same input classes with the same validation, and the same rules of
 * the sociale kaart. An import can put nothing on the kaart that a form could not (a
 * `javascript:` website, a location outside the Netherlands, a nameless offering). Each problem
 * is reported at the place in the document the field came from.
 */
export function directoryProblems(directory: Directory): Problem[] {
  const problems: Problem[] = [];
  const report = (base: string, name: string, found: InputProblem[], places: Places) => {
    for (const { fieldPath, message } of found) {
      problems.push({ path: `${base}${places[fieldPath] ?? ""}`, message: `${name}: ${message}` });
    }
  };
  directory.organizations.forEach((organization, index) => {
    const base = `/organizations/${index}`;
    const name = `Organisatie '${organization.name}'`;
    report(base, name, inputProblems(organizationInput(organization)), organizationPlaces);
    organization.locations.forEach((location, locationIndex) => {
      report(
        `${base}/locations/${locationIndex}`,
        `${name}, locatie '${location.name ?? location.street}'`,
        inputProblems(locationInput(location)),
        locationPlaces,
      );
    });
  });
  directory.offerings.forEach((offering, index) => {
    const input = offeringInput(offering);
    report(
      `/services/${index}`,
      `Dienst '${offering.title}'`,
      [...inputProblems(input), ...offeringRuleProblems(input)],
      offeringPlaces,
    );
  });
  return problems;
}

/** Where in an HSDS object each input field comes from (hsds.mapper.ts reads them there). */
type Places = Record<string, string>;

const contactPlaces = (prefix: string): Places => ({
  [`${prefix}.name`]: "/contacts/0/name",
  [`${prefix}.phone`]: "/contacts/0/phones/0/number",
  [`${prefix}.email`]: "/contacts/0/email",
});

const organizationPlaces: Places = {
  name: "/name",
  description: "/description",
  kind: "/attributes",
  gemeenten: "/attributes",
  website: "/website",
  "contactPoint.phone": "/phones/0/number",
  "contactPoint.email": "/email",
  "contactPoint.address": "/attributes",
  "contactPoint.openingHours": "/attributes",
  "contactPoint.walkInHours": "/attributes",
  ...contactPlaces("coordinator"),
};

const locationPlaces: Places = {
  name: "/name",
  street: "/addresses/0/address_1",
  postcode: "/addresses/0/postal_code",
  city: "/addresses/0/city",
  latitude: "/latitude",
  longitude: "/longitude",
};

const offeringPlaces: Places = {
  title: "/name",
  description: "/description",
  module: "/attributes",
  phases: "/attributes",
  paletteLevel: "/attributes",
  lifeDomains: "/attributes",
  targetGroups: "/attributes",
  channels: "/attributes",
  deliveredBy: "/attributes",
  duration: "/attributes",
  frequency: "/schedules/0/description",
  costs: "/fees_description",
  waitingTime: "/wait_time",
  "capacity.available": "/capacities/0/available",
  "capacity.total": "/capacities/0/maximum",
  documentsNote: "/required_documents/0/document",
  languages: "/languages",
  locationIds: "/service_at_locations",
  gemeenten: "/service_areas",
  ...contactPlaces("contactPerson"),
};

// The API's input classes, filled as the GraphQL layer would fill them from a form.

const contactPerson = (person: ContactPerson | null | undefined) =>
  person ? Object.assign(new ContactPersonInput(), person) : null;

function organizationInput(organization: DirectoryOrganization): NewOrganizationInput {
  return Object.assign(new NewOrganizationInput(), {
    name: organization.name,
    kind: organization.kind,
    description: organization.description ?? null,
    gemeenten: organization.gemeenteCodes,
    contactPoint: Object.assign(new ContactPointInput(), organization.contactPoint),
    website: organization.website ?? null,
    nvvkMember: organization.nvvkMember,
    coordinator: contactPerson(organization.coordinator),
  });
}

function locationInput(location: DirectoryLocation): LocationInput {
  return Object.assign(new LocationInput(), {
    name: location.name ?? null,
    street: location.street,
    postcode: location.postcode,
    city: location.city,
    latitude: location.latitude,
    longitude: location.longitude,
  });
}

function offeringInput(offering: DirectoryOffering): OfferingInput {
  return Object.assign(new OfferingInput(), {
    title: offering.title,
    description: offering.description,
    module: offering.module,
    phases: offering.phases,
    paletteLevel: offering.paletteLevel,
    lifeDomains: offering.lifeDomains,
    targetGroups: offering.targetGroups,
    channels: offering.channels,
    deliveredBy: offering.deliveredBy,
    frequency: offering.frequency ?? null,
    duration: offering.duration ?? null,
    costs: offering.costs ?? null,
    waitingTime: offering.waitingTime ?? null,
    capacity: offering.capacity
      ? Object.assign(new CapacityInput(), {
          available: offering.capacity.available,
          total: offering.capacity.total,
        })
      : null,
    documentsNeeded: offering.documentsNeeded,
    documentsNote: offering.documentsNote ?? null,
    languages: offering.languages,
    locationIds: offering.locationIds,
    gemeenten: offering.gemeenteCodes,
    contactPerson: contactPerson(offering.contactPerson),
  });
}
