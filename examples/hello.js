console.log("Hello from isola!");
