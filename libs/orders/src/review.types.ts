import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@chedun/kernel';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A review is a few paragraphs at most; so is the merchant's reply. */
export const MAX_REVIEW_TEXT = 2000;
export const MAX_REPORT_REASON = 1000;

@ObjectType({
  description: "A verified buyer's review of a product they received. Public, without the buyer's identity.",
})
export class Review {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, { nullable: true, description: "The merchant's public reply." })
  reply!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  repliedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const ReviewConnection = Connection(Review);

@ObjectType({ description: "A product's verified-buyer ratings." })
export class ProductRating {
  @Field(() => Float, { nullable: true, description: 'Mean rating, two decimals; null before the first review.' })
  average!: number | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One product's verified-buyer ratings, for a page of product cards." })
export class ProductRatingOf {
  @Field(() => ID)
  productId!: string;

  @Field(() => ProductRating)
  rating!: ProductRating;
}

@ObjectType({ description: 'A review reported as abusive, for the platform.' })
export class ReviewReport {
  @Field(() => ID)
  id!: string;

  @Field()
  reason!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => Review)
  review!: Review;
}

@InputType()
export class ReviewOrderLineInput {
  @Field(() => ID)
  @IsUUID()
  orderLineId!: string;

  @Field(() => Int, { description: '1 to 5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @Field(() => String, { nullable: true, description: `At most ${MAX_REVIEW_TEXT} characters.` })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(MAX_REVIEW_TEXT)
  text?: string | null;
}

@InputType()
export class ReplyToReviewInput {
  @Field(() => ID)
  @IsUUID()
  reviewId!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_REVIEW_TEXT)
  text!: string;
}

@InputType()
export class ReportReviewInput {
  @Field(() => ID)
  @IsUUID()
  reviewId!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_REPORT_REASON)
  reason!: string;
}

@ArgsType()
export class ReportedReviewsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'At most 100; newest first.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number = 50;
}

@ArgsType()
export class ProductRatingsArgs {
  @Field(() => [ID], { description: 'At most 100: a page of search results.' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  productIds!: string[];
}
