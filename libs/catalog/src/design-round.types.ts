import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MediaImage } from '@chedun/media';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { DesignRoundStatus } from './design-round-status';

@InputType({
  description: "The merchant's next design round: its artwork (uploads of the merchant, POST /media) and a note.",
})
export class SubmitDesignRoundInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => [ID], { description: 'One to 20 media ids, in the order the studio should see them.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  artworkMediaIds!: string[];

  @Field(() => String, { nullable: true, description: 'What changed, or what the studio should look at (≤ 2000).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType('DesignRound', {
  description: "One round of a product's design review: the merchant's artwork and note, the studio's answer.",
})
export class DesignRound {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Numbered from 1 per product.' })
  round!: number;

  @Field(() => DesignRoundStatus)
  status!: DesignRoundStatus;

  @Field(() => String, { nullable: true, description: "The merchant's note with the round." })
  note!: string | null;

  @Field(() => String, { nullable: true, description: "The studio's comments with its decision." })
  comments!: string | null;

  @Field(() => [MediaImage], { description: 'The artwork submitted in this round, in order.' })
  artwork!: MediaImage[];

  @Field(() => ID, { nullable: true, description: 'The merchant staff member who submitted the round.' })
  submittedBy!: string | null;

  @Field(() => GraphQLISODateTime)
  submittedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The studio staff member who decided it.' })
  decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;
}
