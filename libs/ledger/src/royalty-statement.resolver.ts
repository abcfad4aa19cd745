import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { ConnectionShape } from '@chedun/kernel';
import { RoyaltyStatementEntity } from './royalty-statement.entity';
import {
  IssueRoyaltyStatementArgs,
  RoyaltyStatement,
  RoyaltyStatementLine,
  RoyaltyStatementLineConnection,
  StatementLinesArgs,
} from './ledger.types';
import { RoyaltyStatementService, toStatement } from './royalty-statement.service';

class RoyaltyStatementParent extends RoyaltyStatement {
  entity!: RoyaltyStatementEntity;
}

function toParent(e: RoyaltyStatementEntity): RoyaltyStatementParent {
  return Object.assign(new RoyaltyStatementParent(), toStatement(e), { entity: e });
}

@Resolver(() => RoyaltyStatement)
export class RoyaltyStatementResolver {
  constructor(private readonly statements: RoyaltyStatementService) {}

  @Mutation(() => RoyaltyStatement, {
    description:
      'Studio staff or platform. Freezes every not yet stated sale and refund up to the end of the month; CONFLICT if the month has a statement or has not ended.',
  })
  async issueRoyaltyStatement(
    @CurrentActor() actor: Actor,
    @Args() args: IssueRoyaltyStatementArgs,
  ): Promise<RoyaltyStatementParent> {
    return toParent(await this.statements.issue(actor, args));
  }

  @Mutation(() => RoyaltyStatement, {
    description:
      'Studio staff or platform. A new version of the month\u2019s issued statement: it restates the old version\u2019s lines, takes what arrived since for that month, and supersedes it (both are kept). CONFLICT if the month has no statement or a payout of it is in transit.',
  })
  async reissueRoyaltyStatement(
    @CurrentActor() actor: Actor,
    @Args() args: IssueRoyaltyStatementArgs,
  ): Promise<RoyaltyStatementParent> {
    return toParent(await this.statements.reissue(actor, args));
  }

  @Query(() => [RoyaltyStatement], {
    description:
      'Statements of a studio, newest month first, each month\u2019s versions newest first (older versions SUPERSEDED). Studio staff or platform.',
  })
  async royaltyStatements(
    @CurrentActor() actor: Actor,
    @Args('studioId', { type: () => ID }) studioId: string,
  ): Promise<RoyaltyStatementParent[]> {
    return (await this.statements.list(actor, studioId)).map(toParent);
  }

  @Query(() => RoyaltyStatement)
  async royaltyStatement(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RoyaltyStatementParent> {
    return toParent(await this.statements.get(actor, id));
  }

  @ResolveField(() => RoyaltyStatementLineConnection)
  lines(
    @Parent() statement: RoyaltyStatementParent,
    @Args() page: StatementLinesArgs,
  ): Promise<ConnectionShape<RoyaltyStatementLine>> {
    return this.statements.lines(statement.entity, page.first ?? 20, page.after);
  }
}
