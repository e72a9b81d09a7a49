Console.Error.WriteLine("The load generator is not written yet.");
return 1;
