/** The baseline of bench/startup.sh: the cheapest program a JVM can start. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
