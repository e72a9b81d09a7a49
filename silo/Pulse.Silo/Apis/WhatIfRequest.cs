using Pulse.Templates;

namespace Pulse.Silo.Apis;

/// <summary>A draft template to score against <see cref="Period"/> (yyyy-MM) for some employees.</summary>
public sealed record WhatIfRequest(KpiTemplate Template, string Period, string[]? EmployeeIds = null, string? DepartmentId = null);
