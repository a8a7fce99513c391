import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../request/context.js";
import { emailNotificationsOf, setEmailNotifications } from "./notification-settings.service.js";

@ObjectType({ description: "Welke meldingen de ingelogde gebruiker krijgt" })
export class NotificationSettings {
  @Field({
    description:
      "Of de gebruiker een e-mail krijgt bij een nieuwe verwijzing en bij een verwijzing waarop te laat is gereageerd",
  })
  emailNotifications: boolean;

  @Field({
    description: "Of deze installatie e-mail verstuurt (false: er is geen mailserver ingesteld)",
  })
  emailAvailable: boolean;
}

@Resolver()
export class NotificationSettingsResolver {
  @Authorized()
  @Query(() => NotificationSettings, { description: "De meldingen van de ingelogde gebruiker" })
  async notificationSettings(
    @Ctx() { db, viewer, config }: Context,
  ): Promise<NotificationSettings> {
    return {
      emailNotifications: await emailNotificationsOf(db, viewer!),
      emailAvailable: Boolean(config.mail.smtpUrl),
    };
  }

  @Authorized()
  @Mutation(() => NotificationSettings, {
    description: "Zet de e-mails over verwijzingen voor de ingelogde gebruiker aan of uit",
  })
  async setEmailNotifications(
    @Arg("enabled", { description: "true: e-mails ontvangen; false: geen e-mails" })
    enabled: boolean,
    @Ctx() context: Context,
  ): Promise<NotificationSettings> {
    await setEmailNotifications(context.db, context.viewer!, enabled);
    return this.notificationSettings(context);
  }
}
