import type { Check } from '../src/core/check.js';
import securityProductionEnvValues from './security/production-env-values.js';
import securityJwtSecret from './security/jwt-secret.js';
import securityDatabaseCredentials from './security/database-credentials.js';
import securityNodeEnvProduction from './security/node-env-production.js';
import securityCorsOrigins from './security/cors-origins.js';
import securityRateLimiting from './security/rate-limiting.js';
import securityHelmetHeaders from './security/helmet-headers.js';
import securityHttpsEnabled from './security/https-enabled.js';
import securityShopifyWebhookHmac from './security/shopify-webhook-hmac.js';
import securityApiKeysRegenerated from './security/api-keys-regenerated.js';
import securityS3BucketNotPublic from './security/s3-bucket-not-public.js';
import securityDatabaseUrlNotLogged from './security/database-url-not-logged.js';
import databaseMigrationsApplied from './database/migrations-applied.js';
import databaseIndexes from './database/indexes.js';
import databaseConnectionPooling from './database/connection-pooling.js';
import databaseAutomaticBackups from './database/automatic-backups.js';
import databaseManualBackupTested from './database/manual-backup-tested.js';
import databaseMonitoringAlerts from './database/monitoring-alerts.js';
import databaseQueryPerformance from './database/query-performance.js';
import databaseForeignKeys from './database/foreign-keys.js';
import databaseTimezone from './database/timezone.js';
import testingUnitTests from './testing/unit-tests.js';
import testingIntegrationTests from './testing/integration-tests.js';
import testingE2eTests from './testing/e2e-tests.js';
import testingLoadTesting from './testing/load-testing.js';
import testingProductionLikeData from './testing/production-like-data.js';
import testingWidgetSampleSite from './testing/widget-sample-site.js';
import testingDashboardProductionBuild from './testing/dashboard-production-build.js';
import testingMobileResponsiveness from './testing/mobile-responsiveness.js';
import testingCrossBrowser from './testing/cross-browser.js';
import deploymentServicesDeployed from './deployment/services-deployed.js';
import deploymentHealthChecks from './deployment/health-checks.js';
import deploymentServiceReplicas from './deployment/service-replicas.js';
import deploymentAutoRestart from './deployment/auto-restart.js';
import deploymentRollbackTested from './deployment/rollback-tested.js';
import deploymentZeroDowntime from './deployment/zero-downtime.js';
import deploymentDockerImages from './deployment/docker-images.js';
import deploymentCiPipeline from './deployment/ci-pipeline.js';
import monitoringSentry from './monitoring/sentry.js';
import monitoringLogAggregation from './monitoring/log-aggregation.js';
import monitoringUptimeMonitoring from './monitoring/uptime-monitoring.js';
import monitoringApm from './monitoring/apm.js';
import monitoringAlertNotifications from './monitoring/alert-notifications.js';
import monitoringDashboardMetrics from './monitoring/dashboard-metrics.js';
import monitoringErrorRateAlerts from './monitoring/error-rate-alerts.js';
import monitoringResponseTimeAlerts from './monitoring/response-time-alerts.js';
import monitoringDbPoolMonitoring from './monitoring/db-pool-monitoring.js';
import monitoringResourceAlerts from './monitoring/resource-alerts.js';
import costRailwayPlan from './cost/railway-plan.js';
import costResourceLimits from './cost/resource-limits.js';
import costGeminiUsageMonitoring from './cost/gemini-usage-monitoring.js';
import costS3BudgetAlerts from './cost/s3-budget-alerts.js';
import costRailwayBillingAlerts from './cost/railway-billing-alerts.js';
import costOptimizationReview from './cost/optimization-review.js';
import costUsageMetrics from './cost/usage-metrics.js';
import infrastructureCustomDomain from './infrastructure/custom-domain.js';
import infrastructureDnsRecords from './infrastructure/dns-records.js';
import infrastructureSslCertificates from './infrastructure/ssl-certificates.js';
import infrastructureCdn from './infrastructure/cdn.js';
import infrastructureRedisCacheWarm from './infrastructure/redis-cache-warm.js';
import infrastructureImageOptimization from './infrastructure/image-optimization.js';
import infrastructureWebhooksReachable from './infrastructure/webhooks-reachable.js';
import infrastructureWidgetCors from './infrastructure/widget-cors.js';
import integrationShopifyAppPublished from './integration/shopify-app-published.js';
import integrationOauthFlow from './integration/oauth-flow.js';
import integrationWebhookHandlers from './integration/webhook-handlers.js';
import integrationProductSync from './integration/product-sync.js';
import integrationConversionTracking from './integration/conversion-tracking.js';
import integrationWidgetRendering from './integration/widget-rendering.js';
import integrationApiKeyAuth from './integration/api-key-auth.js';
import integrationWoocommerceMagentoWebhooks from './integration/woocommerce-magento-webhooks.js';
import documentationApiDocs from './documentation/api-docs.js';
import documentationWidgetGuide from './documentation/widget-guide.js';
import documentationMerchantOnboarding from './documentation/merchant-onboarding.js';
import documentationSupportContact from './documentation/support-contact.js';
import documentationPrivacyPolicy from './documentation/privacy-policy.js';
import documentationTermsOfService from './documentation/terms-of-service.js';
import documentationGdpr from './documentation/gdpr.js';
import documentationChangelog from './documentation/changelog.js';
import operationalIncidentResponsePlan from './operational/incident-response-plan.js';
import operationalOnCallRotation from './operational/on-call-rotation.js';
import operationalBackupRecoveryTested from './operational/backup-recovery-tested.js';
import operationalMigrationRollbackPlan from './operational/migration-rollback-plan.js';
import operationalDegradationCommsPlan from './operational/degradation-comms-plan.js';
import operationalStatusPage from './operational/status-page.js';
import operationalSupportChannels from './operational/support-channels.js';
import operationalEscalationProcedures from './operational/escalation-procedures.js';
import finalRailwayAccess from './final/railway-access.js';
import finalGithubAccess from './final/github-access.js';
import finalPasswordManager from './final/password-manager.js';
import finalEnvBackup from './final/env-backup.js';
import finalEmergencyContacts from './final/emergency-contacts.js';
import finalPostLaunchMonitoring from './final/post-launch-monitoring.js';
import finalFeedbackCollection from './final/feedback-collection.js';
import finalAnalytics from './final/analytics.js';
import finalPerformanceBenchmarks from './final/performance-benchmarks.js';
import launchBeforeHealthChecksGreen from './launch-before/health-checks-green.js';
import launchBeforeErrorRates from './launch-before/error-rates.js';
import launchBeforeDatabaseConnections from './launch-before/database-connections.js';
import launchBeforeCriticalFlows from './launch-before/critical-flows.js';
import launchBeforeAlertTeam from './launch-before/alert-team.js';
import launchAtEnableTraffic from './launch-at/enable-traffic.js';
import launchAtMonitorLogs from './launch-at/monitor-logs.js';
import launchAtWatchErrorTracking from './launch-at/watch-error-tracking.js';
import launchAtResponseTimes from './launch-at/response-times.js';
import launchAtWidgetLoading from './launch-at/widget-loading.js';
import launchAfter1hErrorRates from './launch-after-1h/error-rates.js';
import launchAfter1hPerformanceMetrics from './launch-after-1h/performance-metrics.js';
import launchAfter1hConversionTracking from './launch-after-1h/conversion-tracking.js';
import launchAfter1hCustomerFeedback from './launch-after-1h/customer-feedback.js';
import launchAfter1hDocumentIssues from './launch-after-1h/document-issues.js';
import launchAfter24hMetricsTrends from './launch-after-24h/metrics-trends.js';
import launchAfter24hDatabasePerformance from './launch-after-24h/database-performance.js';
import launchAfter24hCostVsEstimates from './launch-after-24h/cost-vs-estimates.js';
import launchAfter24hSurveyCustomers from './launch-after-24h/survey-customers.js';
import launchAfter24hPlanIteration from './launch-after-24h/plan-iteration.js';
import signoffTechnicalLead from './signoff/technical-lead.js';
import signoffProductOwner from './signoff/product-owner.js';
import signoffDevopsLead from './signoff/devops-lead.js';

/** Every checklist line, in the seed's order. */
export const catalog: readonly Check[] = [
  securityProductionEnvValues,
  securityJwtSecret,
  securityDatabaseCredentials,
  securityNodeEnvProduction,
  securityCorsOrigins,
  securityRateLimiting,
  securityHelmetHeaders,
  securityHttpsEnabled,
  securityShopifyWebhookHmac,
  securityApiKeysRegenerated,
  securityS3BucketNotPublic,
  securityDatabaseUrlNotLogged,
  databaseMigrationsApplied,
  databaseIndexes,
  databaseConnectionPooling,
  databaseAutomaticBackups,
  databaseManualBackupTested,
  databaseMonitoringAlerts,
  databaseQueryPerformance,
  databaseForeignKeys,
  databaseTimezone,
  testingUnitTests,
  testingIntegrationTests,
  testingE2eTests,
  testingLoadTesting,
  testingProductionLikeData,
  testingWidgetSampleSite,
  testingDashboardProductionBuild,
  testingMobileResponsiveness,
  testingCrossBrowser,
  deploymentServicesDeployed,
  deploymentHealthChecks,
  deploymentServiceReplicas,
  deploymentAutoRestart,
  deploymentRollbackTested,
  deploymentZeroDowntime,
  deploymentDockerImages,
  deploymentCiPipeline,
  monitoringSentry,
  monitoringLogAggregation,
  monitoringUptimeMonitoring,
  monitoringApm,
  monitoringAlertNotifications,
  monitoringDashboardMetrics,
  monitoringErrorRateAlerts,
  monitoringResponseTimeAlerts,
  monitoringDbPoolMonitoring,
  monitoringResourceAlerts,
  costRailwayPlan,
  costResourceLimits,
  costGeminiUsageMonitoring,
  costS3BudgetAlerts,
  costRailwayBillingAlerts,
  costOptimizationReview,
  costUsageMetrics,
  infrastructureCustomDomain,
  infrastructureDnsRecords,
  infrastructureSslCertificates,
  infrastructureCdn,
  infrastructureRedisCacheWarm,
  infrastructureImageOptimization,
  infrastructureWebhooksReachable,
  infrastructureWidgetCors,
  integrationShopifyAppPublished,
  integrationOauthFlow,
  integrationWebhookHandlers,
  integrationProductSync,
  integrationConversionTracking,
  integrationWidgetRendering,
  integrationApiKeyAuth,
  integrationWoocommerceMagentoWebhooks,
  documentationApiDocs,
  documentationWidgetGuide,
  documentationMerchantOnboarding,
  documentationSupportContact,
  documentationPrivacyPolicy,
  documentationTermsOfService,
  documentationGdpr,
  documentationChangelog,
  operationalIncidentResponsePlan,
  operationalOnCallRotation,
  operationalBackupRecoveryTested,
  operationalMigrationRollbackPlan,
  operationalDegradationCommsPlan,
  operationalStatusPage,
  operationalSupportChannels,
  operationalEscalationProcedures,
  finalRailwayAccess,
  finalGithubAccess,
  finalPasswordManager,
  finalEnvBackup,
  finalEmergencyContacts,
  finalPostLaunchMonitoring,
  finalFeedbackCollection,
  finalAnalytics,
  finalPerformanceBenchmarks,
  launchBeforeHealthChecksGreen,
  launchBeforeErrorRates,
  launchBeforeDatabaseConnections,
  launchBeforeCriticalFlows,
  launchBeforeAlertTeam,
  launchAtEnableTraffic,
  launchAtMonitorLogs,
  launchAtWatchErrorTracking,
  launchAtResponseTimes,
  launchAtWidgetLoading,
  launchAfter1hErrorRates,
  launchAfter1hPerformanceMetrics,
  launchAfter1hConversionTracking,
  launchAfter1hCustomerFeedback,
  launchAfter1hDocumentIssues,
  launchAfter24hMetricsTrends,
  launchAfter24hDatabasePerformance,
  launchAfter24hCostVsEstimates,
  launchAfter24hSurveyCustomers,
  launchAfter24hPlanIteration,
  signoffTechnicalLead,
  signoffProductOwner,
  signoffDevopsLead,
] as readonly Check[];
