Console.WriteLine("NewsReader bench");
