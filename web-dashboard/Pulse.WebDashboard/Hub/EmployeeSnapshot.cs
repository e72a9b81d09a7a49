using Pulse.Feedback;
using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// What <c>watchEmployee</c> answers: the open period's scores (null before the employee has any), the newest alert
/// crossings and the newest page of feedback.
/// </summary>
public sealed record EmployeeSnapshot(EmployeePerformance? Performance, AlertRecord[] Alerts, FeedbackPage Feedback, DateTimeOffset AsOf);
