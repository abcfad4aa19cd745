import {
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Actor, CurrentActor, RateLimited } from '@chedun/identity';
import type { Request, Response } from 'express';
import { SalesReportQueryService } from './sales-report-query.service';
import { readSalesSheet, salesSheetTemplate, sheetFormat } from './sales-report-spreadsheet';
import { SalesReportService } from './sales-report.service';
import { SalesReport } from './sales-report.types';
import { SalesReportsException } from './sales-reports.exception';

/** A month of sales fits in far less: a sheet of 500 lines is some tens of kilobytes. */
const MAX_SHEET_BYTES = 2 * 1024 * 1024;

interface UploadedSheet {
  buffer: Buffer;
  originalname?: string;
}

function param(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64)
    throw SalesReportsException.badInput(`${name} is required once`, { field: name });
  return value;
}

/**
 * Refuses whoever may not report for the license before the body is read: anonymous callers 401, the license's
 * studio 403, anyone not party to it 404 (as the GraphQL operations answer them).
 */
@Injectable()
class MayReport implements CanActivate {
  constructor(private readonly reports: SalesReportService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    if (!req.actor) throw SalesReportsException.unauthenticated();
    await this.reports.licenseOfMerchant(req.actor, param(req.params['licenseId'], 'licenseId'));
    return true;
  }
}

/**
 * A month's sales report as a spreadsheet (.xlsx or .csv, multipart field `file`), checked line by line like
 * submitSalesReport, and the template to fill. Authorized with the same Bearer token as the GraphQL API.
 */
@Controller('sales-reports')
export class SalesReportController {
  constructor(
    private readonly reports: SalesReportService,
    private readonly queries: SalesReportQueryService,
  ) {}

  /** The columns, and with `licenseId` one row per product the merchant may report under that license. */
  @Get('template.xlsx')
  async template(
    @CurrentActor() actor: Actor,
    @Query('licenseId') licenseId: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const products =
      licenseId === undefined ? [] : await this.queries.reportableProducts(actor, param(licenseId, 'licenseId'));
    const file = await salesSheetTemplate(products);
    res.status(200);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', 'attachment; filename="sales-report-template.xlsx"');
    res.setHeader('cache-control', 'no-store');
    res.end(file);
  }

  @Post(':licenseId/:month')
  @HttpCode(201)
  @RateLimited('upload')
  @UseGuards(MayReport)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_SHEET_BYTES, files: 1, fields: 2, fieldSize: 1024, parts: 3, headerPairs: 20 },
    }),
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('licenseId') licenseId: string,
    @Param('month') month: string,
    @UploadedFile() file: UploadedSheet | undefined,
  ): Promise<SalesReport> {
    if (!file) throw SalesReportsException.badInput('Send the sheet as the multipart field "file"', { field: 'file' });
    const lines = await readSalesSheet(file.buffer, sheetFormat(file.buffer, file.originalname));
    if (lines.length === 0)
      throw SalesReportsException.badInput(
        'The sheet has no sales lines; for a month without sales, send a nil report',
        {
          field: 'file',
        },
      );
    const report = await this.reports.submit(actor, { licenseId, month, noSales: false, lines });
    const view = (await this.queries.ofLicense(actor, report.licenseId)).find((v) => v.report.id === report.id);
    if (!view) throw new Error(`Sales report ${report.id} is not among its license's reports`);
    return SalesReport.from(view);
  }
}
