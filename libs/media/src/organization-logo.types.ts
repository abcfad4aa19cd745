import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class SetOrganizationLogoArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A public upload of the organization (POST /media); null removes the logo.',
  })
  @IsOptional()
  @IsUUID()
  mediaId?: string | null;
}
