import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { Actor, CurrentActor } from '@chedun/identity';
import { DomainError, parseCalendarDate, parseId, SUPPORTED_CURRENCIES } from '@chedun/kernel';
import type { Response } from 'express';
import { RoyaltyReportFilter } from './royalty-report.repository';
import { RoyaltyReportService } from './royalty-report.service';
import { RoyaltyStatementService } from './royalty-statement.service';
import { shanghaiRange } from './shanghai-period';
import { ReportLanguage } from './statement-pdf';

/**
 * The language a download is for: `?lang=zh|en` as the web app sends it (its language switch), else the first
 * of those two in Accept-Language, else `fallback`. It picks product names; labels stay as they are.
 */
export function reportLanguage(
  lang: unknown,
  acceptLanguage: string | undefined,
  fallback: ReportLanguage,
): ReportLanguage {
  if (lang !== undefined) {
    if (lang === 'zh' || lang === 'en') return lang;
    throw DomainError.badInput('lang must be zh or en', { field: 'lang' });
  }
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(';')[0]?.toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

function text(value: unknown, name: string, optional = false): string | null {
  if (value === undefined && optional) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 64)
    throw DomainError.badInput(`${name} is required once`, { field: name });
  return value;
}

function date(value: unknown, name: string): string {
  try {
    return parseCalendarDate(text(value, name));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw DomainError.badInput(`${name} must be a date YYYY-MM-DD`, { field: name });
  }
}

/** CSV and PDF downloads, authorized with the same Bearer token and rules as the GraphQL queries, streamed row batch by batch. */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: RoyaltyReportService,
    private readonly statements: RoyaltyStatementService,
  ) {}

  @Get('royalties.csv')
  async royalties(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const lang = reportLanguage(query['lang'], acceptLanguage, 'en');
    const optionalId = (name: string) => {
      const v = text(query[name], name, true);
      return v === null ? null : parseId(v, name);
    };
    const filter: RoyaltyReportFilter = {
      studioId: parseId(text(query['studioId'], 'studioId')!, 'studioId'),
      from: date(query['from'], 'from'),
      to: date(query['to'], 'to'),
      currency: text(query['currency'], 'currency', true) ?? 'CNY',
      filmIpId: optionalId('filmIpId'),
      merchantId: optionalId('merchantId'),
      licenseId: optionalId('licenseId'),
    };
    if (!SUPPORTED_CURRENCIES.includes(filter.currency))
      throw DomainError.badInput('Unsupported currency', { field: 'currency' });
    shanghaiRange(filter.from, filter.to);
    this.reports.authorize(actor, filter);
    this.startCsv(res, `royalties-${filter.from}-${filter.to}.csv`);
    await this.finish(res, () => this.reports.writeCsv(filter, res, lang));
  }

  @Get('statements/:id.csv')
  async statement(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('lang') langParam: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const lang = reportLanguage(langParam, acceptLanguage, 'en');
    const statement = await this.statements.get(actor, id);
    this.startCsv(res, `royalty-statement-${statement.periodMonth.slice(0, 7)}-${statement.id}.csv`);
    await this.finish(res, () => this.statements.writeCsv(statement, res, lang));
  }

  /** The same statement as a PDF a person would file (Chinese names in an embedded CJK font). */
  @Get('statements/:id.pdf')
  async statementPdf(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('lang') langParam: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const lang = reportLanguage(langParam, acceptLanguage, 'zh');
    const statement = await this.statements.get(actor, id);
    res.status(200);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader(
      'content-disposition',
      `attachment; filename="royalty-statement-${statement.periodMonth.slice(0, 7)}-${statement.id}.pdf"`,
    );
    res.setHeader('cache-control', 'no-store');
    await this.finish(res, () => this.statements.writePdf(statement, res, lang));
  }

  private startCsv(res: Response, filename: string): void {
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('cache-control', 'no-store');
  }

  /** Once the first byte is sent a status can no longer say "failed", so a broken stream is cut short instead. */
  private async finish(res: Response, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
      res.end();
    } catch (error) {
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
