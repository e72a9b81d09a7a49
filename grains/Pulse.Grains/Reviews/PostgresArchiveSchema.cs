namespace Pulse.Reviews;

internal static class PostgresArchiveSchema
{
    public static string Create(string schema) => $"""
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.review_archive (
            tenant     text NOT NULL,
            period     text NOT NULL,
            employee   text NOT NULL,
            department text NOT NULL,
            composite  numeric,
            grade      text,
            indicators text NOT NULL,
            pay_amount numeric,
            currency   text,
            source     text NOT NULL,
            written_at text NOT NULL,
            PRIMARY KEY (tenant, period, employee)
        );
        CREATE INDEX IF NOT EXISTS review_archive_by_department ON {schema}.review_archive (tenant, department, period);
        CREATE INDEX IF NOT EXISTS review_archive_by_employee ON {schema}.review_archive (tenant, employee, period);
        CREATE TABLE IF NOT EXISTS {schema}.review_archive_totals (
            tenant          text NOT NULL,
            period          text NOT NULL,
            department      text NOT NULL,
            members         integer NOT NULL,
            skipped         integer NOT NULL,
            composite_sum   numeric NOT NULL,
            composite_count integer NOT NULL,
            indicators      text NOT NULL,
            PRIMARY KEY (tenant, period, department)
        );
        """;
}
