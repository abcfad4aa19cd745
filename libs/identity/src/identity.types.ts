import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { MembershipRole, OrganizationKind } from './identity.entity';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });

@ObjectType('Organization')
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;
}

@ObjectType('PayoutAccount', {
  description: 'Where an organization\u2019s payouts go. Visible to its own members only.',
})
export class PayoutAccount {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Stripe connected account id, acct_...; null when none is set.' })
  payoutAccountId!: string | null;
}

@ObjectType('Membership')
export class Membership {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@ObjectType('Member')
export class Member {
  @Field(() => ID)
  userId!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@ObjectType('User')
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'Whether the user proved they own the address (by the link sent to it).' })
  emailVerified!: boolean;
}

@ObjectType('OrganizationAuditEntry', {
  description: 'Who changed an organization\u2019s payout account or members, and when.',
})
export class OrganizationAuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  actorUserId!: string | null;

  @Field({ description: 'PAYOUT_ACCOUNT_CHANGED, MEMBER_INVITED or INVITATION_ACCEPTED.' })
  action!: string;

  @Field({ description: 'Details as a JSON object text (accounts before and after, the invited address and role).' })
  details!: string;

  @Field()
  at!: Date;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Exchange with refreshToken() for a new pair; single use.' })
  refreshToken!: string;

  @Field(() => User)
  user!: User;
}

@ObjectType('Invitation')
export class Invitation {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field({ description: 'After this the link no longer works.' })
  expiresAt!: Date;
}

@InputType()
export class SignUpInput {
  @Field()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: '10 to 128 characters.' })
  @IsString()
  @Length(10, 128, { message: 'password must be 10 to 128 characters long' })
  password!: string;

  @Field()
  @IsString()
  @Transform(trimmed)
  @Length(1, 80, { message: 'displayName must be 1 to 80 characters long' })
  displayName!: string;
}

@InputType()
export class LogInInput {
  @Field()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 128)
  password!: string;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  @IsString()
  @Transform(trimmed)
  @Length(2, 120, { message: 'name must be 2 to 120 characters long' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'nameZh must be 1 to 120 characters long' })
  nameZh?: string | null;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'organizationId must be an id' })
  organizationId!: string;

  @Field()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.STAFF })
  @IsEnum(MembershipRole)
  role: MembershipRole = MembershipRole.STAFF;
}
