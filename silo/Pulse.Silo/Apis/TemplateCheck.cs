namespace Pulse.Silo.Apis;

public sealed record TemplateCheck(bool Valid);
