import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { AnalyticsSettingsService } from './analytics-settings.service';
import { AnalyticsSettingsEntity } from './entities/analytics-settings.entity';
import { AnalyticsSettingsRepository } from './repositories/analytics-settings.repository';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { CohortExportRepository } from './repositories/cohort-export.repository';

/**
 * Analytics: daily rollups of every organization's mentoring (written by jobs, idempotent), the
 * dashboard that reads only those rollups, and exports.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AnalyticsSettingsEntity]), AuditModule],
  controllers: [ExportsController],
  providers: [AnalyticsSettingsService, AnalyticsSettingsRepository, ExportsService, CohortExportRepository],
  exports: [AnalyticsSettingsService],
})
export class AnalyticsModule {}
